# The builtins spelling (brief 4.2): no import, run() drives the coroutine.
async def main():
    print("hello, world")


run(main())
