# Download progress printed as percentages with f-string specs; chunk sizes differ per file.
import asyncio

files = [("video.mp4", 1000, 250), ("notes.txt", 30, 30), ("song.mp3", 400, 150)]
progress = {}


async def download(name, size, chunk):
    got = 0
    while got < size:
        await asyncio.sleep(0.1)
        got = min(size, got + chunk)
        pct = 100 * got / size
        progress[name] = pct
        print(f"{name:<10}{got:>5}/{size:<5}{pct:6.1f}%")
    return got


async def main():
    sizes = await asyncio.gather(*[download(*f) for f in files])
    print("bytes", sum(sizes), "all complete", all(p == 100 for p in progress.values()))
    print(f"{'total':<10}{sum(sizes):>5}{'':<6}{100:6.1f}%")


asyncio.run(main())
