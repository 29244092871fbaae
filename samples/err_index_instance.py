# Runtime error: indexing an instance without __getitem__ after using its fields -> not subscriptable.
class Config:
    def __init__(self):
        self.values = {"debug": True, "level": 3}

    def get(self, key):
        return self.values[key]


cfg = Config()
print(cfg.get("level"), cfg.values["debug"])
print(cfg["level"])
