def main():
    with 3 as x:
        print(x)


main()
