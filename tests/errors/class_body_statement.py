class Config:
    debug = False
    if debug:
        level = 1
