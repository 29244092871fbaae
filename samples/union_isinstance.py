# isinstance() narrows a union to the member it names, and the other branch
# to the rest.


def kind(x):
    if isinstance(x, bool):
        return "bool " + str(x)
    if isinstance(x, int):
        return "int " + str(x * 2)
    if isinstance(x, float):
        return "float " + f"{x:.1f}"
    return "none"


def norm(v):
    if not isinstance(v, float):
        return v + 0.0 if v is not None else 0.0
    return v


val = None
for step in range(5):
    if step == 1:
        val = 3
    elif step == 2:
        val = 2.5
    elif step == 3:
        val = True
    elif step == 4:
        val = None
    print(step, kind(val), norm(val), isinstance(val, (int, float)), isinstance(val, object))
num = 1
num = num / 3
if isinstance(num, float):
    print("float", round(num, 3))
else:
    print("int", num + 1)
