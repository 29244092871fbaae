# The cause of `raise ... from` must be an exception (or None); CPython
# raises "TypeError: exception causes must derive from BaseException".
class AppError(Exception):
    def __init__(self, what):
        super().__init__(what)
        self.what = what


def check(n):
    if n < 0:
        raise AppError("negative") from n
    return n


print(check(-1))
