# One dict whose keys and values are of several types, as CPython allows:
# the types widen (to objects) instead of being rejected, and a dict made
# with narrower types (a literal, a function's result) is built wide enough.
def defaults():
    return {"retries": 3}


class Config:
    def __init__(self):
        self.opts = {"name": "svc"}

    def tune(self):
        self.opts["timeout"] = 2.5
        self.opts["debug"] = False


def main():
    reg = {}
    reg["one"] = 1
    reg[2] = "two"
    reg[(3, "c")] = [3]
    reg[None] = None
    print(reg, reg[2], reg["one"] + 1, (3, "c") in reg)
    cfg = defaults()
    cfg["mode"] = "fast"
    print(cfg, cfg["retries"] * 2)
    c = Config()
    c.tune()
    print(c.opts, sorted(c.opts))
    scores = {"a": 1.5}
    scores["b"] = 2
    print(scores, scores["b"] + scores["a"])


main()
