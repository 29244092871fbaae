def make():
    class Local:
        pass

    return 1


print(make())
