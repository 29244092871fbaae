# Found by fuzzing (issue 17): asyncio.X without `import asyncio` was
# accepted (CPython: NameError) and emitting it could crash the compiler.
async def main() -> None:
    print("hi")


asyncio.run(main())
