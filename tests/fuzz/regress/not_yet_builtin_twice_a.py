# A builtin asyncc does not have yet: one error naming it, however often
# it is used, and no "not defined" as if it were misspelt.
def main() -> None:
    for v in iter([10, 20]):
        print(v)
    pairs = list(iter(["a"]))
    print(pairs)
    f = next
