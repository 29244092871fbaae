def show():
    print(total)

show()
total = 5
