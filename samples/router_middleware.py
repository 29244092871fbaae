# A tiny HTTP-like router: Request/Response classes, async handler functions in a dict, middleware closures.
import asyncio


class Request:
    def __init__(self, method, path, body=None):
        self.method, self.path, self.body = method, path, body


class Response:
    def __init__(self, status, text=""):
        self.status, self.text = status, text

    def __repr__(self):
        return f"<{self.status} {self.text!r}>"


async def home(req):
    return Response(200, "welcome")


async def echo(req):
    await asyncio.sleep(0.1)
    return Response(200, req.body or "")


routes = {("GET", "/"): home, ("POST", "/echo"): echo}


async def dispatch(req):
    handler = routes.get((req.method, req.path))
    if handler is None:
        return Response(404, "no route")
    return await handler(req)


def logging_mw(app, log):
    async def wrapped(req):
        resp = await app(req)
        log.append(f"{req.method} {req.path} {resp.status}")
        return resp
    return wrapped


def auth_mw(app, token):
    async def wrapped(req):
        if req.path != "/" and token != "secret":
            return Response(401, "denied")
        return await app(req)
    return wrapped


async def main():
    log = []
    app = logging_mw(auth_mw(dispatch, "secret"), log)
    reqs = [Request("GET", "/"), Request("POST", "/echo", "ping"), Request("GET", "/x")]
    print(await asyncio.gather(*[app(r) for r in reqs]))
    locked = auth_mw(dispatch, "wrong")
    print(await locked(Request("POST", "/echo", "hi")), log)


asyncio.run(main())
