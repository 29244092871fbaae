# An editor with undo/redo stacks of closures (each edit returns its inverse); several tasks edit one document.
import asyncio


class Editor:
    def __init__(self, text=""):
        self.text = text
        self.undo_stack = []
        self.redo_stack = []

    def _apply(self, new_text):
        old = self.text
        self.text = new_text
        return lambda: self._apply(old)

    def insert(self, pos, s):
        self.undo_stack.append(self._apply(self.text[:pos] + s + self.text[pos:]))
        self.redo_stack.clear()

    def undo(self):
        if self.undo_stack:
            self.redo_stack.append(self.undo_stack.pop()())

    def redo(self):
        if self.redo_stack:
            self.undo_stack.append(self.redo_stack.pop()())


async def typist(ed, name, edits, delay):
    for pos, s in edits:
        await asyncio.sleep(delay)
        ed.insert(pos, s)
        print(name, repr(ed.text))


async def main():
    ed = Editor("world")
    await asyncio.gather(typist(ed, "t1", [(0, "hello "), (0, ">> ")], 0.1),
                         typist(ed, "t2", [(0, "["), (1, "!")], 0.15))
    actions = {"undo": ed.undo, "redo": ed.redo}
    for op in ("undo", "undo", "redo", "undo", "undo", "undo", "undo", "redo"):
        actions[op]()
        print(op, repr(ed.text), len(ed.undo_stack), len(ed.redo_stack))


asyncio.run(main())
