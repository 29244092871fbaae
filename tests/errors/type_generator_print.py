# a generator prints as its address: not a value print() can show
def main() -> None:
    squares = (x * x for x in range(10))
    print(squares)
