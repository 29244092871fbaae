def main:
    print("hi")
