"""Grouping of fingerprinted nodes (paragraphs or sections) into exact and near-duplicate groups.

Input nodes are already in reading order (file order as added, then line). Exact duplicates are
classes of equal digests. Near-duplicates are found by LSH banding of MinHash signatures, pre-filtered
by the signatures' own Jaccard estimate and then verified with the exact Jaccard index of the shingle
sets, so the reported similarity is exact, never an estimate. Work is proportional to the number of
nodes plus the number of candidate pairs; no step compares all pairs.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from contentlint.duplicates.minhash import band_keys, jaccard

# In an LSH bucket with more members than this (templated text, boilerplate not on the allow-list),
# each member is paired only with its WINDOW-1 predecessors in reading order instead of with all of
# them: this keeps the candidate count linear, and the group's first is still checked exactly below.
WINDOW = 24
# The MinHash estimate of Jaccard has a standard deviation <= 0.5/sqrt(num_perm) (0.044 at 128), so a
# pair whose estimate is this far under the threshold is skipped without an exact check (3.4 sd:
# about 1 in 3,000 pairs lying exactly at the threshold is lost, none well above it).
ESTIMATE_MARGIN = 0.15
_MERGE_AT = 1_000_000  # pending pair codes (8 MB) before they are merged and deduplicated
# Pairs compared per numpy step: two (chunk x num_perm) uint32 gathers, ~10 MB each at 128 perms.
_PAIR_CHUNK = 20_000


@dataclass(frozen=True, slots=True)
class RawGroup:
    """A group of node indices: ``first`` and its ``copies`` as ``(index, similarity-to-first)``."""

    kind: str  # "exact" or "near"
    first: int
    copies: tuple[tuple[int, float], ...]


def _allowed(files: np.ndarray, a: int, b: int, scope: str) -> bool:
    same = files[a] == files[b]
    return scope == "both" or (scope == "file") == bool(same)


def _exact_groups(members: list[int], files: np.ndarray, scope: str) -> list[RawGroup]:
    """Split one class of identical nodes into the groups the scope reports."""
    if scope == "both":
        return [RawGroup("exact", members[0], tuple((m, 1.0) for m in members[1:]))]
    if scope == "corpus":
        # Copies in the first's own file are within-file duplicates, which this scope ignores.
        copies = tuple((m, 1.0) for m in members[1:] if files[m] != files[members[0]])
        return [RawGroup("exact", members[0], copies)] if copies else []
    by_file: dict[int, list[int]] = {}
    for m in members:
        by_file.setdefault(int(files[m]), []).append(m)
    return [
        RawGroup("exact", ms[0], tuple((m, 1.0) for m in ms[1:])) for ms in by_file.values() if len(ms) > 1
    ]


def candidate_pairs(sigs: np.ndarray, bands: int, rows: int, select: np.ndarray | None = None) -> np.ndarray:
    """Return distinct ``(lo, hi)`` pairs (``lo < hi``) sharing at least one LSH band, shape (n, 2).

    With ``select``, only those rows of ``sigs`` take part and pairs index into ``select``.
    """
    n = len(sigs) if select is None else len(select)
    if n < 2:
        return np.zeros((0, 2), dtype=np.int64)
    keys = band_keys(sigs, bands, rows)
    if select is not None:
        keys = keys[select]  # 8 bytes per band instead of copying 4 bytes per permutation
    merged = np.zeros(0, dtype=np.int64)
    pending: list[np.ndarray] = []
    for b in range(bands):
        # A stable sort keeps equal keys in reading order, so the window below looks backwards in time.
        order = np.argsort(keys[:, b], kind="stable")
        sorted_keys = keys[order, b]
        for d in range(1, WINDOW):
            same = sorted_keys[:-d] == sorted_keys[d:]
            if not same.any():
                break  # no bucket has more than d members
            lo, hi = order[:-d][same], order[d:][same]
            pending.append(np.minimum(lo, hi).astype(np.int64) * n + np.maximum(lo, hi))
        if sum(len(p) for p in pending) > _MERGE_AT or b == bands - 1:
            # Merge in batches so memory follows the distinct pairs, not pairs times bands.
            merged = _distinct(np.concatenate([merged, *pending]))
            pending = []
    return np.stack([merged // n, merged % n], axis=1)


def _distinct(codes: np.ndarray) -> np.ndarray:
    """Sort and drop repeats (a plain sort beats np.unique's hashing on these int64 codes)."""
    codes.sort()
    return codes[np.concatenate(([True], codes[1:] != codes[:-1]))] if len(codes) else codes


def _estimates(sigs: np.ndarray, rows: np.ndarray, pairs: np.ndarray) -> np.ndarray:
    out = np.empty(len(pairs), dtype=np.float64)
    for s in range(0, len(pairs), _PAIR_CHUNK):
        p = rows[pairs[s : s + _PAIR_CHUNK]]
        out[s : s + len(p)] = (sigs[p[:, 0]] == sigs[p[:, 1]]).mean(axis=1)
    return out


@dataclass(slots=True)
class ClusterStats:
    """Counters for the bench: how much work the near-duplicate stage did."""

    nodes: int = 0  # distinct nodes indexed
    candidates: int = 0  # pairs sharing an LSH band
    verified: int = 0  # candidates left after the scope and MinHash-estimate filters
    exact_checks: int = 0  # exact Jaccard computations actually made
    edges: int = 0  # checked pairs at or above the threshold


def cluster(
    files: np.ndarray,
    digests: Sequence[bytes],
    sigs: np.ndarray,
    sig_rows: np.ndarray,
    shingles: Sequence[np.ndarray],
    threshold: float,
    scope: str,
    lsh: tuple[int, int],
    stats: ClusterStats | None = None,
) -> list[RawGroup]:
    """Group nodes ``0..n-1`` (reading order) into exact and near-duplicate groups.

    ``files`` gives each node's file ordinal (for ``scope``), ``digests`` its exact hash, ``sigs[sig_rows[i]]``
    its MinHash row (rows are looked up, not copied, to keep memory flat) and ``shingles`` its
    sorted shingle-id set. A near copy joins the group of the earliest
    earlier node it is verified similar to (Jaccard >= ``threshold``), preferring that node's own
    group first when it is similar enough to it too, so every copy's similarity is measured against
    the node it is reported against and no group is formed by chaining alone.
    """
    stats = stats if stats is not None else ClusterStats()
    classes: dict[bytes, list[int]] = {}
    for i, d in enumerate(digests):
        classes.setdefault(d, []).append(i)
    groups: list[RawGroup] = []
    for members in classes.values():
        if len(members) > 1:
            groups.extend(_exact_groups(members, files, scope))

    # Near-duplicate search runs over one representative per class (per class and file for the
    # file scope, so that a near copy can meet an exact copy living in its own file).
    seen: set[tuple[bytes, int]] = set()
    reps: list[int] = []
    for i, d in enumerate(digests):
        key = (d, int(files[i]) if scope == "file" else -1)
        if key not in seen:
            seen.add(key)
            reps.append(i)
    rep_arr = np.array(reps, dtype=np.int64)
    stats.nodes = len(reps)
    pairs = candidate_pairs(sigs, *lsh, select=sig_rows[rep_arr])
    pairs = rep_arr[pairs] if len(pairs) else pairs.reshape(0, 2)
    stats.candidates = len(pairs)
    if len(pairs):
        same_file = files[pairs[:, 0]] == files[pairs[:, 1]]
        if scope == "file":
            pairs = pairs[same_file]
        elif scope == "corpus":
            pairs = pairs[~same_file]
        pairs = pairs[_estimates(sigs, sig_rows, pairs) >= threshold - ESTIMATE_MARGIN]
    stats.verified = len(pairs)

    # Candidates per later node, earliest first: a node is verified only until it finds its group,
    # so a template repeated in a thousand files costs a few checks per copy, not a thousand.
    candidates: dict[int, list[int]] = {}
    for lo, hi in pairs.tolist():
        if digests[lo] != digests[hi]:  # identical nodes are an exact group already
            candidates.setdefault(hi, []).append(lo)

    copy_of: dict[int, tuple[int, float]] = {}
    for j in sorted(candidates):
        chosen: tuple[int, float] | None = None
        fallback: tuple[int, float] | None = None
        root_sims: dict[int, float] = {}
        for i in sorted(candidates[j]):
            sim = jaccard(shingles[i], shingles[j])
            stats.exact_checks += 1
            if sim < threshold:
                continue
            stats.edges += 1
            fallback = fallback or (i, sim)
            root = copy_of[i][0] if i in copy_of else i
            if root == i:
                chosen = (i, sim)
            elif _allowed(files, j, root, scope) and digests[root] != digests[j]:
                if root not in root_sims:
                    root_sims[root] = jaccard(shingles[j], shingles[root])
                    stats.exact_checks += 1
                if root_sims[root] >= threshold:
                    chosen = (root, root_sims[root])
            if chosen:
                break
        # Similar only to copies whose own first is too different: point at the earliest of them.
        if chosen or fallback:
            copy_of[j] = chosen or fallback  # type: ignore[assignment]

    near: dict[int, list[tuple[int, float]]] = {}
    for j, (first, sim) in copy_of.items():
        near.setdefault(first, []).append((j, sim))
    groups.extend(RawGroup("near", first, tuple(sorted(copies))) for first, copies in near.items())
    groups.sort(key=lambda g: (g.first, g.kind))
    return groups
