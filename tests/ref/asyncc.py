"""asyncc -- module reserved for the asyncc dialect's host interface.

A program compiled by asyncc may ``import asyncc`` to declare functions that
the embedding C host provides (ordinary and deferred host calls, brief
section 6).  The decorators that do this are not defined yet; this stub only
makes ``import asyncc`` work when the program runs under CPython through the
reference runner (tests/ref/asyncc_ref.py puts this directory on sys.path).
"""

__all__ = []
