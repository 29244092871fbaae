#!/usr/bin/env python3
"""Old entry point of the reference runner, kept for callers not yet moved
to `python3 -m asyncc` (bench/run.py): the implementation is the shipped
module in python/asyncc/, nothing lives here."""
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "python"))
from asyncc import *  # noqa: E402,F401,F403
from asyncc import main  # noqa: E402

if __name__ == "__main__":
    sys.exit(main())
