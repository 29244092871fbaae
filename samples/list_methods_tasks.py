# List methods under concurrency: insert/pop/remove/index/del/sort(reverse)/count/extend on a shared list.
import asyncio

board = ["a", "b", "c"]


async def editor(name, ops):
    for op, arg in ops:
        await asyncio.sleep(0.1)
        if op == "push":
            board.append(arg)
        elif op == "front":
            board.insert(0, arg)
        elif op == "pop":
            print(name, "popped", board.pop(arg))
        elif op == "remove":
            board.remove(arg)
        print(name, op, board)


async def main():
    await asyncio.gather(
        editor("e1", [("push", "x"), ("pop", 0), ("front", "z")]),
        editor("e2", [("remove", "b"), ("push", "y"), ("pop", -1)]),
    )
    print("index of x", board.index("x"), "count c", board.count("c"))
    del board[1]
    board.extend(["m", "k"])
    board.sort(reverse=True)
    print(board, len(board))


asyncio.run(main())
