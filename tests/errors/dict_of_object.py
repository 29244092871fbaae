# dict(x) of an object value (an item of a mixed list): its key and value
# types cannot be known, so it is rejected where it is written.
def main():
    xs = [{"a": 1}, "b"]
    d = dict(xs[0])
    print(d)


main()
