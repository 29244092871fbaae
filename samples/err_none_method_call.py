# Runtime error: a method called on a lookup that found nothing -> AttributeError on NoneType.
class Greeter:
    def __init__(self, name):
        self.name = name

    def greet(self):
        return "hello " + self.name


team = {"a": Greeter("ann"), "b": Greeter("bo")}
for key in ["a", "b", "c"]:
    g = team.get(key)
    print(key, g.greet())
