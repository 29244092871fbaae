# Library calls on a list that is still empty when first met (sum, sorted,
# max of xs before xs.append): the list's element type comes from later stores.
def main():
    xs = []
    for i in range(3):
        total = sum(xs)
        print(total, sorted(xs), max(xs) if xs else 0)
        xs.append(i)

main()
