# Generator expressions are lazy: each item is computed when asked for,
# interleaved with the consumer.  (The compiled generator takes the
# enclosing locals' values when it is made, so rebinding one afterwards is
# what CPython would see differently -- docs/LANGUAGE.md.)
def noisy(x: int) -> int:
    print("computing", x)
    return x * x


def main() -> None:
    base = 10
    g = (noisy(i) + base for i in range(3))
    print("made")
    for v in g:
        print("got", v)
    pairs = ((a, b) for a in range(3) for b in range(a))
    print(list(pairs))
    evens = (n for n in range(20) if n % 2 == 0)
    print(next(evens), next(evens))
    print(sum(evens))
    nested = (sum(x for x in range(k)) for k in range(5))
    print(list(nested))


main()
