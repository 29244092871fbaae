# Runtime error: a keyword-only argument left out -> missing 1 required keyword-only argument.
def connect(host, *, port, secure=False):
    return f"{host}:{port}{' (tls)' if secure else ''}"


print(connect("db", port=5432))
print(connect("web", port=443, secure=True))
print(connect("cache"))
