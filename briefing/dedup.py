"""Exact and near-duplicate detection for articles: a content hash and MinHash signatures.

Near-duplicates (the same wire story with another headline, a trailing "read more" line,
a corrected typo) share most word 3-shingles. A MinHash signature estimates the Jaccard
similarity of two shingle sets; locality-sensitive bands (rows of the signature hashed
together) let the store find candidates by equality lookups instead of comparing every
pair of articles.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from functools import cache

import numpy as np

PERMUTATIONS = 128
ROWS_PER_BAND = 3
BANDS = PERMUTATIONS // ROWS_PER_BAND  # 42 bands; the last 2 values are only compared
SHINGLE = 3
# Estimated Jaccard similarity of shingle sets at or above which two texts are the same
# story. Unrelated articles on one topic stay far below (< 0.1 in practice). With 42
# bands of 3 rows a pair becomes a candidate with probability 0.999 at 0.65, 0.99 at
# 0.48 (a summary half as long as its article), 0.79 at 0.33, and 0.04 at 0.1.
NEAR_DUPLICATE = 0.65
# A text this much contained in a longer one (and long enough for the estimate to mean
# something) is a shortened copy of it: a feed summary, a truncated reprint.
CONTAINED = 0.85
MIN_CONTAINED_SHINGLES = 20

_WORD = re.compile(r"\w+", re.UNICODE)
_MASK64 = np.uint64(0xFFFFFFFFFFFFFFFF)


def normalise(text: str) -> str:
    """Compatibility-normalised, case-folded text with whitespace collapsed."""
    return " ".join(unicodedata.normalize("NFKC", text).casefold().split())


def content_hash(text: str) -> str:
    """Stable identity of an article's content: layout and case changes do not count."""
    return hashlib.sha256(normalise(text).encode("utf-8")).hexdigest()


def _h64(data: bytes) -> int:
    return int.from_bytes(hashlib.blake2b(data, digest_size=8).digest(), "little")


@cache
def _seeds() -> np.ndarray:
    # Derived from fixed labels, not a random generator, so signatures stay comparable
    # across library versions and machines.
    return np.array([_h64(f"minhash-{i}".encode()) for i in range(PERMUTATIONS)], np.uint64)


def _mix(x: np.ndarray) -> np.ndarray:
    """splitmix64 finaliser: a fast, well-distributed 64-bit permutation (wraps mod 2^64)."""
    x = (x ^ (x >> np.uint64(30))) * np.uint64(0xBF58476D1CE4E5B9)
    x = (x ^ (x >> np.uint64(27))) * np.uint64(0x94D049BB133111EB)
    return x ^ (x >> np.uint64(31))


def shingles(text: str) -> set[bytes]:
    words = _WORD.findall(normalise(text))
    if len(words) < SHINGLE:
        return {" ".join(words).encode("utf-8")} if words else set()
    return {" ".join(words[i : i + SHINGLE]).encode("utf-8") for i in range(len(words) - 2)}


def signature(text: str) -> np.ndarray:
    """MinHash signature: for each of the permutations, the least hashed shingle."""
    return signature_and_size(text)[0]


def signature_and_size(text: str) -> tuple[np.ndarray, int]:
    """The signature and the number of distinct shingles (for containment estimates)."""
    grams = shingles(text)
    if not grams:
        return np.full(PERMUTATIONS, _MASK64, np.uint64), 0
    base = np.fromiter((_h64(g) for g in grams), np.uint64, len(grams))
    with np.errstate(over="ignore"):
        hashed = _mix(base[None, :] ^ _seeds()[:, None])
    return hashed.min(axis=1), len(grams)


def containment(jaccard: float, size_a: int, size_b: int) -> float:
    """Estimated share of the smaller text's shingles found in the larger one.

    From |A∩B| = J(|A|+|B|)/(1+J): a teaser or a truncated copy has a low Jaccard
    similarity with the full article but is almost wholly contained in it.
    """
    small = min(size_a, size_b)
    if small == 0:
        return 0.0
    return min(1.0, jaccard * (size_a + size_b) / ((1.0 + jaccard) * small))


def similarity(a: np.ndarray, b: np.ndarray) -> float:
    """Estimated Jaccard similarity of the two texts' shingle sets."""
    return float(np.count_nonzero(a == b)) / PERMUTATIONS


def bands(sig: np.ndarray) -> list[int]:
    """One lookup key per band; a signed 63-bit int, as SQL databases store integers."""
    rows = sig[: BANDS * ROWS_PER_BAND].reshape(BANDS, ROWS_PER_BAND)
    return [_h64(bytes([i]) + rows[i].tobytes()) >> 1 for i in range(BANDS)]


def to_bytes(sig: np.ndarray) -> bytes:
    return sig.astype("<u8").tobytes()


def from_bytes(data: bytes) -> np.ndarray:
    return np.frombuffer(data, dtype="<u8").astype(np.uint64)
