class Conn:
    async def __init__(self, host):
        self.host = host


c = Conn("h")
