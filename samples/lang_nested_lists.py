# Nested lists and list comprehensions: conditions, nested for clauses,
# comprehensions over str and ranges with steps, matrices built, mutated
# through an index and transposed, flattening and filtering.


def matrix(rows: int, cols: int) -> list[list[int]]:
    return [[r * cols + c for c in range(cols)] for r in range(rows)]


def transpose(m: list[list[int]]) -> list[list[int]]:
    return [[m[r][c] for r in range(len(m))] for c in range(len(m[0]))]


def main() -> None:
    m: list[list[int]] = matrix(3, 4)
    print(m, len(m), len(m[0]))
    print(transpose(m))
    m[1][2] = -1
    m[0].append(99)
    row: list[int] = m[2]
    row[0] = 1000
    print(m, row)
    print([x for r in m for x in r])
    print([x for r in m for x in r if x % 2 == 0 if x > 0])
    print([(i, j) for i in range(3) for j in range(i)])
    print([[i * j for j in range(1, 4)] for i in range(-2, 3)])
    print([c.upper() + c for c in "abc" if c != "b"])
    print([n for n in range(20, -20, -7)], [n // 3 for n in range(-6, 7, 3)])
    words: list[str] = ["apple", "kiwi", "fig", "banana", "cherry"]
    print([w for w in words if len(w) > 3], [len(w) for w in words])
    print([w[0] + w[-1] for w in words], [w for w in words if "i" in w])
    grid: list[list[str]] = [["." for c in range(5)] for r in range(3)]
    for k in range(3):
        grid[k][k * 2] = "#"
    for line in grid:
        print("".join(line))
    sums: list[int] = [sum(r) for r in m]
    print(sums, max(sums), min([min(r) for r in m]))
    cube: list[list[list[int]]] = [[[i + j + k for k in range(2)] for j in range(2)] for i in range(2)]
    print(cube, cube[1][0][1], cube[-1][-1])
    flags: list[bool] = [x > 2 and x < 6 for x in range(8)]
    print(flags, [i for i in range(8) if flags[i]])
    pairs: list[list[int]] = []
    for a in range(1, 5):
        for b in range(a, 5):
            if (a * b) % 2 == 0:
                pairs.append([a, b])
    print(pairs, len(pairs), pairs[-1][::-1])
    fl: list[float] = [x / 4 for x in range(-3, 4)]
    print(fl, [f for f in fl if f != 0.0 and -0.5 <= f <= 0.5])
    empty: list[list[int]] = [[] for _ in range(3)]
    empty[1].append(7)
    print(empty, [len(e) for e in empty])


if __name__ == "__main__":
    main()
