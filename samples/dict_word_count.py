# Word counting across tasks into one dict: get() with default, items() sorted by count then word.
import asyncio

texts = [
    "the quick brown fox",
    "the lazy dog and the fox",
    "a dog a fox a cat",
]
counts = {}


async def count_words(i, text):
    for w in text.split():
        await asyncio.sleep(0)
        counts[w] = counts.get(w, 0) + 1
    print("text", i, "done,", len(counts), "distinct so far")


def count_then_word(item):
    return (-item[1], item[0])


async def main():
    await asyncio.gather(*[count_words(i, t) for i, t in enumerate(texts)])
    for word, n in sorted(counts.items(), key=count_then_word)[:5]:
        print(f"{word:>6}: {n}")
    print("total words", sum(counts.values()))
    print("has cat", "cat" in counts, "has cow", "cow" in counts)


asyncio.run(main())
