# A builtin asyncc does not have yet: one error naming it, however often
# it is used, and no "not defined" as if it were misspelt.
def main() -> None:
    for i, v in enumerate([10, 20]):
        print(i, v)
    pairs = list(enumerate(["a"]))
    print(pairs)
    f = zip
