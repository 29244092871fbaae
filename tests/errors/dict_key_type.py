def main() -> None:
    ages: dict[str, int] = {"ann": 31, "bob": 42}
    print(ages[1])
    ages[2] = 5
    ages["cy"] = "young"
