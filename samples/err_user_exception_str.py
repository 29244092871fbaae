# Runtime error: an uncaught user exception with fields and __str__ -> last line "ValidationError: field 'age': must be >= 0".
import asyncio


class ValidationError(Exception):
    def __init__(self, field, problem):
        super().__init__(field, problem)
        self.field = field
        self.problem = problem

    def __str__(self):
        return f"field {self.field!r}: {self.problem}"


async def validate(record):
    await asyncio.sleep(0.05)
    if record.get("age", 0) < 0:
        raise ValidationError("age", "must be >= 0")
    print("valid", record)


async def main():
    try:
        await validate({"name": "x", "age": -1})
    except ValidationError as e:
        print("caught", e.args, e.field)
    await validate({"name": "ann", "age": 30})
    await validate({"name": "bob", "age": -5})


asyncio.run(main())
