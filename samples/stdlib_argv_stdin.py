# asyncc: args alpha "b c" 3
# sys.argv and standard input (stdlib_argv_stdin.in): input(),
# sys.stdin.readline() and `for line in sys.stdin`, EOFError at the end.
import sys
from sys import argv as arguments


def main():
    print(len(sys.argv), sys.argv[1:], arguments[1:] == sys.argv[1:])
    n = int(sys.argv[3])
    name = input()
    print("hello", name, n)
    line = sys.stdin.readline()
    print("readline:", repr(line))
    total = 0
    for line in sys.stdin:
        if line.strip():
            total += int(line)
    print("total", total)
    print("after end:", repr(sys.stdin.readline()))
    try:
        input("prompt> ")
    except EOFError as e:
        print("EOFError:", e)


if __name__ == "__main__":
    main()
