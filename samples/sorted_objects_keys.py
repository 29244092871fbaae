# Sorting user objects by lambda keys (multi-field, reverse, stability) and grouping them into a dict of lists.
import asyncio


class Employee:
    def __init__(self, name, dept, salary, age):
        self.name, self.dept, self.salary, self.age = name, dept, salary, age

    def __repr__(self):
        return self.name


async def load(rows):
    staff = []
    for row in rows:
        await asyncio.sleep(0.01)
        staff.append(Employee(*row))
    return staff


ROWS = [("ann", "ops", 50, 31), ("bob", "dev", 70, 45), ("cat", "dev", 70, 29),
        ("dan", "ops", 45, 52), ("eve", "hr", 60, 38), ("fay", "dev", 55, 29)]


async def main():
    staff = await load(ROWS)
    print(sorted(staff, key=lambda e: e.age))
    print(sorted(staff, key=lambda e: (-e.salary, e.name)))
    print(sorted(staff, key=lambda e: e.dept, reverse=True))
    by_dept = {}
    for e in staff:
        by_dept.setdefault(e.dept, []).append(e)
    for dept, people in sorted(by_dept.items()):
        avg = sum(p.salary for p in people) / len(people)
        print(dept, people, round(avg, 1), max(people, key=lambda p: p.age))
    print(min(staff, key=lambda e: (e.age, -e.salary)))


asyncio.run(main())
