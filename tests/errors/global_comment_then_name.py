# Found by fuzzing (issue 17): the grammar accepts a comment after `global`
# with the names on the next line; CPython calls it invalid syntax.  This
# crashed the checker (a name without text).
counter = 0


def bump() -> None:
    global  # the counter
    counter
    counter += 1


bump()
