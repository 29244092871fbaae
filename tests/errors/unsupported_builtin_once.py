# A builtin asyncc does not have yet: one error naming it, however often
# it is used, and no "not defined" as if it were misspelt.
def main() -> None:
    for v in [ord("a"), ord("b")]:
        print(v)
    pairs = list([ord("c")])
    print(pairs)
    f = chr
