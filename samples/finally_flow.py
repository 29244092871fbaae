# finally runs on every exit path: return, break, continue, exception.


def early(n: int) -> str:
    try:
        if n > 0:
            return "positive"
        return "not positive"
    finally:
        print("  early finally", n)


def override() -> int:
    try:
        return 1
    finally:
        print("  override finally")


def loop_exits() -> None:
    for i in range(6):
        try:
            if i == 1:
                continue
            if i == 4:
                break
            print("  body", i)
        finally:
            print("  finally", i)
    print("  after loop")


def nested(n: int) -> int:
    total: int = 0
    try:
        try:
            total += 1
            if n == 2:
                raise ValueError("two")
            total += 10
            return total
        finally:
            print("  inner finally", n, total)
            total += 100
    except ValueError as e:
        print("  caught", e, total)
        return -total
    finally:
        print("  outer finally", n)


def while_flow() -> int:
    count: int = 0
    while True:
        try:
            count += 1
            if count % 2 == 0:
                continue
            if count > 5:
                break
        finally:
            print("  while finally", count)
    return count


def main() -> None:
    print(early(1))
    print(early(-1))
    print(override())
    loop_exits()
    for n in range(3):
        print("nested", n, nested(n))
    print("while_flow", while_flow())


if __name__ == "__main__":
    main()
