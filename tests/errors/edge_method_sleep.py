# Builtins spelling: a plain def suspends when it calls sleep(), but a method
# is called through an object, so it is not made a coroutine by name.
class Sensor:
    def read(self):
        sleep(0.1)
        return 1


async def main():
    print(Sensor().read())


run(main())
