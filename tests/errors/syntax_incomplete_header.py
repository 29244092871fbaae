def main() -> None:
    for i
        print(i)
