# Runtime error: a static method called with a missing argument, caught once, then uncaught.
class Temp:
    @staticmethod
    def to_f(c):
        return c * 9 / 5 + 32

    @classmethod
    def describe(cls, c, unit):
        return f"{c}{unit} in {cls.__name__}"


print(Temp.to_f(100), Temp.describe(20, "C"))
try:
    Temp.describe(20)
except TypeError as e:
    print("caught:", e)
print(Temp.to_f())
