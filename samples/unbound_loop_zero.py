# A for loop that runs zero times leaves its target (and what the body
# assigns) unbound; a while loop's body too.  Reads after it raise.


def last_item(items):
    for item in items:
        seen = len(items)
    try:
        return f"{item} of {seen}"
    except UnboundLocalError as e:
        return f"empty: {e}"


def countdown(n):
    while n > 0:
        step = n
        n -= 1
    try:
        return step
    except UnboundLocalError as e:
        print("countdown", n, "->", e)
        return 0


def first_positive(xs):
    i = 0
    while True:
        if xs[i] > 0:
            found = xs[i]
            break
        i += 1
    return found  # always bound: the loop only ends at the break


print(last_item(["a", "b"]))
print(last_item([]))
print(countdown(3), countdown(0))
print(first_positive([-1, 0, 7, 3]))
