class Proxy:
    def __init__(self, target):
        self.target = target

    def __getattr__(self, name):
        return name


p = Proxy(1)
print(p.target)
