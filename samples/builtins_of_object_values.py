# Builtins that iterate their argument (sum, sorted, min, max, set, any, all,
# enumerate, zip, reversed), given items of a mixed list (object values):
# each iterates what the object holds, or raises CPython's TypeError.
def main():
    mixed = [[3, 1, 2], "bca", 7, (4, 5)]
    nums, text, seven, pair = mixed[0], mixed[1], mixed[2], mixed[3]
    print(sum(nums), sorted(text), min(nums), max(text), sum(pair))
    print(sorted(set(text)), sorted(frozenset(nums)), any(nums), all(text))
    print(list(enumerate(text)), list(zip(nums, text)), list(reversed(pair)))
    for f in (sum, sorted, min):
        try:
            f(seven)
        except TypeError as e:
            print("TypeError:", e)


main()
