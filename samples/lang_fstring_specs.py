# f-string format specs over many values: fill, align, sign, #, 0, width,
# grouping (, and _), precision, the types d x X o b e E f g G % and !r.


def ints(v: int) -> None:
    print(f"[{v}] [{v:8}] [{v:<8}] [{v:^8}] [{v:>8}] [{v:*^9}] [{v: =+8}]")
    print(f"[{v:+d}] [{v:-d}] [{v: d}] [{v:08d}] [{v:+08d}] [{v:,}] [{v:_}]")
    print(f"[{v:x}] [{v:X}] [{v:#x}] [{v:#X}] [{v:o}] [{v:#o}] [{v:b}] [{v:#b}]")
    print(f"[{v:#010x}] [{v:_x}] [{v:_b}] [{v:>+12,}] [{v:0=10}] [{v:e}] [{v:.2f}]")


def floats(f: float) -> None:
    print(f"[{f}] [{f!r}] [{f:10}] [{f:<10}] [{f:^10}] [{f:010}] [{f:+}]")
    print(f"[{f:f}] [{f:.0f}] [{f:.1f}] [{f:.3f}] [{f:+.2f}] [{f: .2f}] [{f:,.2f}]")
    print(f"[{f:e}] [{f:E}] [{f:.0e}] [{f:.3e}] [{f:g}] [{f:G}] [{f:.2g}] [{f:.10g}]")
    print(f"[{f:%}] [{f:.1%}] [{f:#.0f}] [{f:#g}] [{f:_.3f}] [{f:>12.4e}] [{f:0=+12.2f}]")


def strs(s: str) -> None:
    print(f"[{s}] [{s!r}] [{s:8}] [{s:>8}] [{s:^8}] [{s:.<8}] [{s:.2}] [{s:>6.3}]")


def main() -> None:
    for v in [0, 7, -7, 255, -255, 1000, 65535, -1234567, 9876543210]:
        ints(v)
    for f in [0.0, -0.0, 1.0, -1.5, 3.14159, 2.5, 0.125, 1e-7, 123456789.0,
              1e16, -1e22, 0.000123456, 99.995, 1.0 / 3.0]:
        floats(f)
    for f in [float("inf"), float("-inf"), float("nan")]:
        print(f"[{f}] [{f:8.2f}] [{f:e}] [{f:g}] [{f:+}] [{f:%}] [{f:>6}]")
    for s in ["", "a", "café", "it's", "longer text", "日本"]:
        strs(s)
    w: int = 9
    p: int = 3
    for f in [3.14159, -2.0, 1234.5678]:
        print(f"[{f:{w}.{p}f}] [{f:>{w}}] [{f:<{w}.{p - 1}e}] [{f:^{w + 2}.{p}g}]")
    b: bool = True
    n: list[int] = [1, -2]
    print(f"[{b}] [{b!r}] [{None}] [{n}] [{n!r}] [{'x' * 3:>5}] [{len(n):03}]")
    print(f"{'nested ' + f'{7:03d}'}|{{literal}}|{w}{p}|{w:d}{p:d}|{-w:+}|{w!r:>3}")


if __name__ == "__main__":
    main()
