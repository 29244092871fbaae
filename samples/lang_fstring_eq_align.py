# The '=' alignment (padding after the sign) as the first character of an
# f-string format spec: "{v:=8}" is a format spec, not an assignment
# expression (CPython ends the expression at the top-level ':').
# The same specs through str.format, and with an explicit fill character.


def row(v: int) -> None:
    # ("{v:=#10x}" is left to str.format: tree-sitter reads that # as a comment)
    print(f"[{v:=8}] [{v:=+8}] [{v:=08}] [{v:#=10x}] [{v:=8,}]")
    print("[{:=8}] [{:=+8}] [{:=08}] [{:=#10x}] [{:=8,}]".format(v, v, v, v, v))
    print(f"[{v:*=8}] [{v:0=+8}] [{v: =8}] [{v:_=#12b}]")


def frow(f: float) -> None:
    print(f"[{f:=10.2f}] [{f:=+10.3e}] [{f:=10}] [{f:x=12.1%}]")
    print("[{:=10.2f}] [{:=+10.3e}] [{:=10}]".format(f, f, f))


def main() -> None:
    for v in [0, 7, -7, 255, -1000, 123456]:
        row(v)
    for f in [0.0, -1.5, 3.25, -1234.5678]:
        frow(f)
    w: int = 9
    n: int = -42
    print(f"[{n:={w}}] [{n:={w},}] [{n:#={w}}]")


if __name__ == "__main__":
    main()
