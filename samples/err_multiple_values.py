# Runtime error: an argument given both by position and by keyword -> got multiple values.
def area(width, height=1):
    return width * height


print(area(3), area(3, height=4))
try:
    area(2, 5, 6)
except TypeError as e:
    print("caught:", e)
print(area(2, width=5))
