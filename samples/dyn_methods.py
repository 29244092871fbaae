# Methods called on object values are looked up at run time on what the
# value holds (str and list methods); AttributeError and TypeError as CPython.
# asyncc: strip-differs the program makes CPython raise TypeError on purpose; without the object annotations the types are static and the checker rejects the operation at compile time
def main() -> None:
    words: list[object] = ["  Alpha ", "beta", 3, [1, "x"]]
    for w in words:
        try:
            print(repr(w.strip()), w.upper(), w.startswith("b"), w.split())
        except AttributeError as e:
            print("AttributeError:", e)
    text: object = "a,b,,c"
    parts = text.split(",")
    print(parts, len(parts), text.replace(",", ";"), text.count(","), text.find("c"))
    print("-".join(parts), text.split(",", 1), text.isdigit())
    bag: object = [3, "x"]
    bag.append(1.5)
    bag.insert(0, None)
    print(bag, bag.pop(), bag.index("x"), bag.count(3))
    bag.extend(["y", 2])
    bag.remove(None)
    print(bag, bag.copy())
    nums: object = [3, 1, 2]
    nums.sort()
    nums.reverse()
    print(nums)
    typed = [1, 2]
    alias: object = typed
    alias.append(7)
    print(typed)
    for bad in ["text.upper(1)", "text.find(1)", "bag.pop(1, 2)", "bag.insert(1)", "text.startswith(2)", "'-'.join([1])", "bag.index(99)", "text.strip(5)"]:
        try:
            if bad == "text.upper(1)":
                print(text.upper(1))
            elif bad == "text.find(1)":
                print(text.find(1))
            elif bad == "bag.pop(1, 2)":
                print(bag.pop(1, 2))
            elif bad == "bag.insert(1)":
                bag.insert(1)
            elif bad == "text.startswith(2)":
                print(text.startswith(2))
            elif bad == "'-'.join([1])":
                sep: object = "-"
                print(sep.join([1]))
            elif bad == "bag.index(99)":
                print(bag.index(99))
            else:
                print(text.strip(5))
        except (TypeError, ValueError) as e:
            print(bad, "->", type(e).__name__ + ":", e)


main()
