"""The PTC train/dev split newsprobe-framing uses (`propaganda/data.rs`'s `is_dev`): an article id
is dev when its FNV-1a 64-bit hash is 0 mod 5."""


def is_dev(i):
    h = 0xCBF29CE484222325
    for b in i.encode():
        h ^= b
        h = (h * 0x100000001B3) & 0xFFFFFFFFFFFFFFFF
    return h % 5 == 0
