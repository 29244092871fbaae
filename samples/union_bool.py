# Unions with bool members: True stays True, and arithmetic on it is
# integer arithmetic, as in Python.

flag = 0
print(flag, repr(flag))
flag = True
print(flag, repr(flag), flag + 1, flag * 3, -flag, flag & True, flag | False, flag ^ True)
flag = 5
print(flag, flag == 5, flag + True)
state = None
print(state)
state = False
print(state, state is None, not state, state == 0, str(state))
mixed = 2.5
mixed = True
print(mixed, mixed + 0.5, mixed / 2, isinstance(mixed, int), isinstance(mixed, bool), isinstance(mixed, float))
votes = [True, False, True]
score = 0
for v in votes:
    score = v if score == 0 else score + v
print(score, type(score).__name__)
b = True
for _ in range(2):
    b = b + b
print(b)
