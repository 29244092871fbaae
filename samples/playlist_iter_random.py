# A Playlist class with __iter__, __len__, __contains__ and __getitem__ (slices too), shuffled after random.seed.
import asyncio
import random


class Song:
    def __init__(self, title, secs):
        self.title, self.secs = title, secs

    def __repr__(self):
        return f"{self.title}({self.secs})"


class Playlist:
    def __init__(self, songs):
        self.songs = list(songs)

    def __len__(self):
        return len(self.songs)

    def __iter__(self):
        return iter(self.songs)

    def __contains__(self, title):
        return any(s.title == title for s in self.songs)

    def __getitem__(self, i):
        if isinstance(i, slice):
            return Playlist(self.songs[i])
        return self.songs[i]

    def shuffled(self, seed):
        random.seed(seed)
        songs = self.songs[:]
        random.shuffle(songs)
        return Playlist(songs)


async def play(pl):
    for song in pl:
        await asyncio.sleep(song.secs)
    return sum(s.secs for s in pl)


async def main():
    pl = Playlist([Song("a", 3), Song("b", 2), Song("c", 5), Song("d", 1)])
    sh = pl.shuffled(7)
    print(list(sh), len(sh), "c" in sh, "z" in sh, sh[0], list(sh[1:3]))
    print(await asyncio.gather(play(pl[:2]), play(sh[2:])))


asyncio.run(main())
