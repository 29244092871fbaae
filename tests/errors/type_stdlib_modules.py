# The time, sys and random modules: names they lack, calls of the wrong
# shape, module objects used as values.
import random
import sys
import time as t



def main() -> None:
    print(t.time_ns())
    print(t.nosuch())
    random.shuffle("abc")
    print(random.choice(3))
    x = sys
    print(sys.argv())
    sys.exit([1])
    print(isinstance(t.time(), dict), type(main).__name__)
