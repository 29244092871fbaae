def main() -> None:
    ages = {"ann": 31, "bob": 42}
    print(ages[1])
    ages[2] = 5
    ages["cy"] = "young"
