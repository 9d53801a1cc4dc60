"""Word shingles, MinHash signatures and LSH banding, vectorised with numpy.

Why our own MinHash instead of ``datasketch.MinHash``: a datasketch MinHash is one Python object per
paragraph, hashes every shingle with SHA-1 and updates its 128 permutations per object; here all the
shingles of a document are hashed and permuted in one numpy operation and the signatures come out
as rows of one array, which is several times faster (see bench/README-duplicates.md) and gives a
compact ``bytes`` signature that pickles cheaply between worker processes. The scheme is the
textbook one: 64-bit shingle hashes, ``num_perm`` multiply-shift hash functions standing in for
random permutations, the minimum per function. Everything is seeded and independent of Python's
per-process ``hash()`` randomisation, so workers agree.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from functools import lru_cache

import numpy as np

# Shingles are hashed in blocks so that the (shingles x num_perm) uint64 matrix stays ~16 MB.
_BLOCK = 16_384


def _splitmix64(x: np.ndarray) -> np.ndarray:
    """Finalise uint64 values with the splitmix64 mixer (good avalanche, cheap in numpy)."""
    with np.errstate(over="ignore"):
        x = x ^ (x >> np.uint64(30))
        x = x * np.uint64(0xBF58476D1CE4E5B9)
        x = x ^ (x >> np.uint64(27))
        x = x * np.uint64(0x94D049BB133111EB)
        mixed: np.ndarray = x ^ (x >> np.uint64(31))
        return mixed


@lru_cache(maxsize=1 << 18)
def _word_hash(word: str) -> int:
    # blake2b rather than hash(): hash() of str is randomised per process and workers must agree.
    return int.from_bytes(hashlib.blake2b(word.encode("utf-8"), digest_size=8).digest(), "little")


# Odd multipliers giving each position of a shingle a different weight, so "a b c" != "c b a".
_POSITION = np.array(
    [0x9E3779B97F4A7C15, 0xC2B2AE3D27D4EB4F, 0x165667B19E3779F9, 0xD6E8FEB86659FD93,
     0xFF51AFD7ED558CCD, 0xC4CEB9FE1A85EC53, 0x27D4EB2F165667C5, 0x85EBCA77C2B2AE63],
    dtype=np.uint64,
)


def shingle_hashes(tokens: Sequence[str], k: int) -> np.ndarray:
    """Return the 64-bit hashes of the ``k``-word shingles of ``tokens`` (with repeats, in order).

    A text shorter than ``k`` words yields one shingle of all its words, so that a short paragraph
    still has a fingerprint instead of an empty set that would equal every other empty set.
    """
    if not tokens:
        return np.zeros(0, dtype=np.uint64)
    k = max(1, min(k, len(tokens), len(_POSITION)))
    w = np.fromiter((_word_hash(t) for t in tokens), dtype=np.uint64, count=len(tokens))
    n = len(tokens) - k + 1
    with np.errstate(over="ignore"):
        acc = np.zeros(n, dtype=np.uint64)
        for j in range(k):
            acc = acc + w[j : j + n] * _POSITION[j]
    return _splitmix64(acc)


def shingle_set(hashes: np.ndarray) -> np.ndarray:
    """Return the sorted distinct 32-bit shingle ids: the compact set used for exact Jaccard."""
    return np.unique((hashes >> np.uint64(32)).astype(np.uint32))


@lru_cache(maxsize=8)
def _permutations(num_perm: int, seed: int) -> tuple[np.ndarray, np.ndarray]:
    rng = np.random.default_rng(seed)
    a = rng.integers(1, 1 << 63, size=num_perm, dtype=np.uint64) | np.uint64(1)  # odd multipliers
    b = rng.integers(0, 1 << 63, size=num_perm, dtype=np.uint64)
    return a, b


def signatures(shingles: Sequence[np.ndarray], num_perm: int, seed: int) -> np.ndarray:
    """Return the MinHash signatures, one uint32 row of ``num_perm`` values per shingle array.

    Each permutation is ``(a*x + b) mod 2**64 >> 32`` (multiply-shift hashing, a universal family);
    the minimum over a paragraph's shingles estimates Jaccard similarity: the probability that two
    signatures agree at one position equals the Jaccard index of the two shingle sets. Every array
    must be non-empty.
    """
    a, b = _permutations(num_perm, seed)
    out = np.empty((len(shingles), num_perm), dtype=np.uint32)
    start = 0
    while start < len(shingles):
        # Gather whole paragraphs until the block is full, then permute them all at once.
        stop, size = start, 0
        while stop < len(shingles) and (size == 0 or size + len(shingles[stop]) <= _BLOCK):
            size += len(shingles[stop])
            stop += 1
        flat = np.concatenate(shingles[start:stop])
        with np.errstate(over="ignore"):
            perm = ((flat[:, None] * a[None, :] + b[None, :]) >> np.uint64(32)).astype(np.uint32)
        offsets = np.cumsum([0] + [len(s) for s in shingles[start : stop - 1]])
        out[start:stop] = np.minimum.reduceat(perm, offsets, axis=0)
        start = stop
    return out


def lsh_params(threshold: float, num_perm: int, recall: float = 0.95) -> tuple[int, int]:
    """Choose ``(bands, rows)`` so that a pair at ``threshold`` is a candidate with >= ``recall`` chance.

    Candidates are verified exactly afterwards, so a false positive costs only time while a false
    negative is a missed duplicate. Among the settings meeting the recall target we take the one
    with the most rows per band: the chance that two *unrelated* paragraphs (Jaccard ~0.03 from
    common word pairs such as "of the") collide falls as ``J**rows``, and those random collisions
    grow with the square of the corpus, so they decide whether the index scales.
    """
    best = (num_perm, 1)
    for rows in range(1, num_perm + 1):
        bands = num_perm // rows
        if 1.0 - (1.0 - threshold**rows) ** bands >= recall:
            best = (bands, rows)
    return best


def band_keys(sigs: np.ndarray, bands: int, rows: int) -> np.ndarray:
    """Return one uint64 key per band per signature row: shape ``(len(sigs), bands)``."""
    keys = np.empty((len(sigs), bands), dtype=np.uint64)
    with np.errstate(over="ignore"):
        for b in range(bands):
            # One band at a time: widening the whole matrix to uint64 would double its memory.
            acc = np.zeros(len(sigs), dtype=np.uint64)
            for j in range(rows):
                acc = (acc + sigs[:, b * rows + j].astype(np.uint64)) * _POSITION[j % len(_POSITION)]
            keys[:, b] = _splitmix64(acc)
    return keys


def jaccard(a: np.ndarray, b: np.ndarray) -> float:
    """Return the exact Jaccard index of two sorted distinct shingle-id arrays."""
    if a.size == 0 and b.size == 0:
        return 1.0
    # Both arrays are sorted and distinct, so after a merge-sort every common id sits next to its
    # twin; this is about twice as fast as np.intersect1d on paragraph-sized sets.
    merged = np.concatenate((a, b))
    merged.sort(kind="stable")
    inter = int(np.count_nonzero(merged[1:] == merged[:-1]))
    return inter / (a.size + b.size - inter)


def jaccard_many(a: np.ndarray, others: Sequence[np.ndarray]) -> np.ndarray:
    """Return the exact Jaccard index of ``a`` with each array in ``others``."""
    return np.array([jaccard(a, o) for o in others], dtype=np.float64)

