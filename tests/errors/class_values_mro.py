# C.__mro__ holds class values, which only give their __name__: printing, iterating or calling them is rejected
class A:
    pass


class B(A):
    pass


print(B.__mro__)
print(f"{B.__mro__}", "{}".format(B.__mro__))
for c in B.__mro__:
    print(c.__name__)
x = B.__mro__[1]()
print(len(B.__mro__), B.__mro__[2].__name__)
