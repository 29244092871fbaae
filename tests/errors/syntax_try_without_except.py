def main() -> None:
    try:
        print("work")
    print("no handler")
