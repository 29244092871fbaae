def main() -> None:
    n: int = 3
    match n:
        case 3:
            print("three")
