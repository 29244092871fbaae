class Counter:
    def reset(self):
        return 0


def tick():
    return 1


def main(values):
    print(tick(*values))
    print(Counter().reset(*values))
    opts = {"a": 1}
    print(dict(**opts))


main([])
