# obj[a:b:c] calls __getitem__ with a slice object; isinstance(i, slice) picks the branch; xs[s] slices by it
class Row:
    def __init__(self, cells):
        self.cells = list(cells)

    def __len__(self):
        return len(self.cells)

    def __getitem__(self, i):
        if isinstance(i, slice):
            print("  slice:", i, i.start, i.stop, i.step)
            return Row(self.cells[i])
        return self.cells[i]

    def __repr__(self):
        return f"Row({self.cells})"


class Text:
    def __init__(self, s):
        self.s = s

    def __getitem__(self, i):
        return self.s[i]


r = Row([10, 20, 30, 40, 50])
print(r[0], r[-1], r[1:3], r[::2], r[::-1], r[-2:], len(r[:0]))
t = Text("abcdef")
print(t[1], t[1:4], t[::-2])


class Either:
    def __getitem__(self, i):
        if i > 0:
            return [1, 2]
        return "ab"


e = Either()
print(list(e[1]), list(e[0]))
