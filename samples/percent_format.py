# printf-style % formatting: flags, width, precision, conversions, a single value, a tuple and a tuple-typed name.
n = 3
t = 1.2345
name = "bob"
pair = (4, "x")
print("%d items, %.2f s, %s, %r, %5s, %-5d|, %x, %%" % (n, t, name, name, name, n, 255))
print("%d" % n, "%s" % name, "%d" % 3.9, "%05d|%+d|%-6.2f|%#x|%o|%e|%g" % (42, 5, 2.5, 255, 8, 12345.678, 0.0001))
print("%s and %s" % pair, "%s" % [1, 2], "%r" % {"a": 1}, "%s" % None, "%s %s" % (True, 1.0))
print("%10.3s|" % "abcdef", "%-10s|" % "hi", "%3d%%" % 50)
