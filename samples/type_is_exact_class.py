# type(x) is C / is not / == / !=: the exact class (a subclass instance is not), on instances, exceptions, optionals and other values
class A:
    pass
class B(A):
    pass
class E(ValueError):
    pass
xs = [A(), B()]
for x in xs:
    print(type(x) is A, type(x) is not A, type(x) == B, type(x) != B)
e = E("x")
print(type(e) is E, type(e) is ValueError)
y = None if len(xs) > 5 else B()
print(type(y) is B)
print(type(3) is A)
print(B.__mro__[1].__name__, len(E.__mro__), E.__mro__[2].__name__, B.__name__, ValueError.__name__)
