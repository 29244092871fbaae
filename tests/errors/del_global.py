# del of a module global (declared global in the function) is not supported yet;
# del of the function's own local is (check_assign.c).
counter = 0


def reset() -> None:
    global counter
    mine = counter
    del mine
    del counter
