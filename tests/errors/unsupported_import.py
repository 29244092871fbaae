import os


def main() -> None:
    print(os.getcwd())
