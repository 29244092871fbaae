def main():
    ys = sorted([3, 1])
    ys.append(0.5)
    print(ys)


main()
