"""python3 -m asyncc prog.py [args...] -- see the package docstring."""
import sys

from asyncc import main

sys.exit(main())
