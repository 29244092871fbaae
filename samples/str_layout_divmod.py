# str layout methods (title, splitlines, center, ljust, rjust, zfill), divmod(),
# round() of int|float values and int ** negative literal, as CPython.
for s in ["hello world", "1st place", "o'neil mc-don", "ÉCOLE élève", ""]:
    print(repr(s.title()))
text = "a\nb\r\nc\rd\x0be\x85f\u2028g\n\nh"
print(text.splitlines(), text.splitlines(True), "".splitlines(), "x\n".splitlines())
for w in [0, 3, 6, 7, 8]:
    print(repr("ab".center(w)), repr("abc".center(w, "*")), repr("ab".ljust(w, "-")), repr("ab".rjust(w)))
print("42".zfill(5), "-42".zfill(5), "+7".zfill(1), "é".zfill(3))
try:
    print("a".center(5, "ab"))
except TypeError as e:
    print("TypeError:", e)
a = 17
b = -5
print(divmod(17, 5), divmod(a, b), divmod(-7, 2), divmod(7.5, 2), divmod(a, 2.5))
q, r = divmod(a * 2, 3)
print(q, r)
try:
    print(divmod(a, 0))
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)
x = 2
print(2 ** -1, x ** -2, 10 ** 2, (-2) ** -3)
x **= -1
print(x)
v = 2.5
v = 3
y = 0
y = 52.5
print(round(v), round(y), round(y, 1), round(v, 2), round(True))
