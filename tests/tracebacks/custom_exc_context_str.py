# A custom exception with __str__ raised while handling another (context,
# not cause), from a method of the exception class itself.
class Invalid(Exception):
    def __init__(self, field, value):
        super().__init__(field, value)
        self.field = field
        self.value = value

    def __str__(self):
        return f"{self.field}={self.value!r} is invalid"

    def escalate(self):
        raise RuntimeError(f"cannot recover from {self}")


def parse(text):
    try:
        return int(text)
    except ValueError:
        raise Invalid("age", text)


def main():
    try:
        parse("x1")
    except Invalid as e:
        e.escalate()


main()
