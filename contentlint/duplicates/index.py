"""Duplicated paragraphs and sections, within one article and across a content repository.

Engine-independent API (the engine turns the results into DU001/DU002/DU003 findings):

1. per document, usually in a worker process: ``fingerprint(paragraphs, options)`` turns
   :class:`Paragraph` values into compact, picklable :class:`Fingerprint` values (an exact hash of
   the normalised text, a MinHash signature and the set of word-pair shingle ids; never the text);
2. in one process: ``index = DuplicateIndex(options)``, ``index.add(fps)`` once per document, in path
   order, then ``index.groups()`` or ``index.reports()``.

Similarity is the Jaccard index of the two paragraphs' sets of word bigrams (pairs of consecutive
words) after :func:`~contentlint.duplicates.normalise.normalise`: shared pairs over all distinct pairs.
"""

from __future__ import annotations

import hashlib
from array import array
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import numpy as np

from contentlint.duplicates.cluster import ClusterStats, RawGroup, cluster
from contentlint.duplicates.minhash import lsh_params, shingle_hashes, shingle_set, signatures
from contentlint.duplicates.normalise import AllowList, normalise, words
from contentlint.duplicates.values import (
    CODES,
    MODES,
    DuplicateGroup,
    DuplicateMember,
    DuplicateOptions,
    DuplicateReport,
    Fingerprint,
    GroupKind,
    Paragraph,
    Scope,
)
from contentlint.model.finding import Location

__all__ = [
    "CODES", "MODES", "AllowList", "DuplicateGroup", "DuplicateIndex", "DuplicateMember", "DuplicateOptions",
    "DuplicateReport", "Fingerprint", "Paragraph", "Scope", "find_duplicates", "fingerprint", "normalise",
]

def fingerprint(paragraphs: Iterable[Paragraph], options: DuplicateOptions) -> list[Fingerprint]:
    """Fingerprint one document's paragraphs (one :class:`Fingerprint` per paragraph, same order).

    Pure and picklable in and out, so it can run in worker processes; all signatures of the document
    are computed in one vectorised pass.
    """
    paragraphs = list(paragraphs)
    prepared: list[tuple[Paragraph, str, int, bool]] = []
    arrays: list[np.ndarray] = []
    for p in paragraphs:
        norm = normalise(p.text)
        tokens = words(norm)
        allowed = bool(options.allow) and options.allow.allows(norm)
        if tokens and not allowed:
            arrays.append(shingle_hashes(tokens, options.shingle_words))
        prepared.append((p, norm, len(tokens), allowed))
    sigs = signatures(arrays, options.num_perm, options.seed) if arrays else None
    out: list[Fingerprint] = []
    row = 0
    for p, norm, count, allowed in prepared:
        digest = hashlib.blake2b(norm.encode("utf-8"), digest_size=16).digest()
        if count and not allowed and sigs is not None:
            sig, shingles = sigs[row].tobytes(), shingle_set(arrays[row]).tobytes()
            row += 1
        else:
            sig, shingles = b"", b""
        out.append(Fingerprint(p.loc, p.section, count, digest, sig, shingles, allowed))
    return out


@dataclass(frozen=True, slots=True)
class _Nodes:
    """Parallel per-node data handed to :func:`~contentlint.duplicates.cluster.cluster`."""

    locs: list[Location]
    words: list[int]
    files: np.ndarray
    digests: list[bytes]
    sigs: np.ndarray  # MinHash rows, looked up through sig_rows
    sig_rows: np.ndarray
    shingles: list[np.ndarray]
    keys: list[tuple[int, int | None]]  # (file ordinal, section index) of each node


class DuplicateIndex:
    """Collects fingerprints of a whole corpus and groups duplicates, holding no paragraph text.

    Add each document once, in path order (the order defines "first"). Grouping happens in
    :meth:`groups`, which can be called again after more documents are added.
    """

    def __init__(self, options: DuplicateOptions | None = None) -> None:
        """Create an empty index using ``options`` (defaults when None)."""
        self.options = options or DuplicateOptions()
        # Columns rather than Fingerprint objects: ~600 bytes plus 4 per word for each paragraph.
        self._locs: list[Location] = []
        self._sections_of: list[int | None] = []
        self._words = array("I")
        self._file = array("I")
        self._digests = bytearray()
        self._sigs = bytearray()
        self._shingles = bytearray()
        self._offsets = array("Q", [0])
        self._files: dict[str, int] = {}
        self.stats: dict[str, ClusterStats] = {}

    def __len__(self) -> int:
        return len(self._locs)

    def add(self, fingerprints: Iterable[Fingerprint]) -> None:
        """Add one document's fingerprints (allowed and empty paragraphs are dropped here)."""
        width = 4 * self.options.num_perm
        for fp in fingerprints:
            if not fp.usable:
                continue
            if len(fp.signature) != width:
                raise ValueError("fingerprint made with a different num_perm than this index uses")
            self._locs.append(fp.loc)
            self._sections_of.append(fp.section)
            self._words.append(fp.words)
            self._file.append(self._files.setdefault(fp.loc.path, len(self._files)))
            self._digests += fp.digest
            self._sigs += fp.signature
            self._shingles += fp.shingles
            self._offsets.append(len(self._shingles) // 4)

    def _digest(self, i: int) -> bytes:
        return bytes(self._digests[16 * i : 16 * i + 16])

    def _nodes(self, ids: Sequence[int]) -> _Nodes:
        all_sigs = np.frombuffer(self._sigs, dtype=np.uint32).reshape(len(self), self.options.num_perm)
        shingles = np.frombuffer(self._shingles, dtype=np.uint32)
        idx = np.array(ids, dtype=np.int64)
        return _Nodes(
            locs=[self._locs[i] for i in ids],
            words=[self._words[i] for i in ids],
            files=np.array([self._file[i] for i in ids], dtype=np.int64),
            digests=[self._digest(i) for i in ids],
            sigs=all_sigs,
            sig_rows=idx,
            shingles=[shingles[self._offsets[i] : self._offsets[i + 1]] for i in ids],
            keys=[(self._file[i], self._sections_of[i]) for i in ids],
        )

    def _sections(self, order: Sequence[int]) -> _Nodes:
        """Build one node per section body of >= 2 paragraphs and >= min_words words."""
        bodies: dict[tuple[int, int], list[int]] = {}
        for i in order:
            section = self._sections_of[i]
            if section is not None:
                bodies.setdefault((self._file[i], section), []).append(i)
        all_sigs = np.frombuffer(self._sigs, dtype=np.uint32).reshape(len(self), self.options.num_perm)
        all_shingles = np.frombuffer(self._shingles, dtype=np.uint32)
        locs, counts, files, digests, sigs, shingles = [], [], [], [], [], []
        keys: list[tuple[int, int | None]] = []
        for (file, section), ids in bodies.items():
            total = sum(self._words[i] for i in ids)
            if len(ids) < 2 or total < self.options.min_words:
                continue  # a one-paragraph section is the paragraph rule's business
            first, last = self._locs[ids[0]], self._locs[ids[-1]]
            locs.append(Location(first.path, first.line, first.column, last.end_line, last.end_column))
            counts.append(total)
            files.append(file)
            digests.append(hashlib.blake2b(b"".join(self._digest(i) for i in ids), digest_size=16).digest())
            # The MinHash of a union is the element-wise minimum of the members' MinHashes.
            sigs.append(all_sigs[ids].min(axis=0))
            parts = [all_shingles[self._offsets[i] : self._offsets[i + 1]] for i in ids]
            shingles.append(np.unique(np.concatenate(parts)))
            keys.append((file, section))
        return _Nodes(
            locs, counts, np.array(files, dtype=np.int64), digests,
            np.array(sigs, dtype=np.uint32).reshape(len(sigs), self.options.num_perm),
            np.arange(len(sigs), dtype=np.int64), shingles, keys,
        )

    def _cluster(self, nodes: _Nodes, threshold: float, name: str) -> list[RawGroup]:
        stats = ClusterStats()
        self.stats[name] = stats
        if not nodes.locs:
            return []
        lsh = lsh_params(threshold, self.options.num_perm)
        return cluster(nodes.files, nodes.digests, nodes.sigs, nodes.sig_rows, nodes.shingles, threshold,
                       self.options.scope, lsh, stats)

    def groups(self) -> list[DuplicateGroup]:
        """Return all duplicate groups for the options' scope, ordered by their first member.

        A section reported as a copy of another section replaces the paragraph findings it would
        otherwise produce: a paragraph copy inside the copied section whose original lies in the
        original section is dropped (it says nothing the section finding does not).
        """
        opts = self.options
        order = sorted(range(len(self)), key=lambda i: (self._file[i], self._locs[i].line, self._locs[i].column))
        para = self._nodes([i for i in order if self._words[i] >= opts.min_words])
        sect = self._sections(order)
        para_raw = self._cluster(para, opts.threshold, "paragraphs")
        sect_raw = self._cluster(sect, opts.section_threshold or opts.threshold, "sections")

        covered = {(sect.keys[j], sect.keys[g.first]) for g in sect_raw for j, _ in g.copies}
        result: list[tuple[tuple[int, int, int], DuplicateGroup]] = []
        for g in para_raw:
            copies = [(j, s) for j, s in g.copies if (para.keys[j], para.keys[g.first]) not in covered]
            if copies:
                result.append(_group(para, g.first, copies, g.kind, g.kind == "exact"))  # type: ignore[arg-type]
        for g in sect_raw:
            result.append(_group(sect, g.first, list(g.copies), "section", g.kind == "exact"))
        result.sort(key=lambda item: item[0])
        return [group for _, group in result]

    def reports(self) -> list[DuplicateReport]:
        """Return one :class:`DuplicateReport` per copy (not per group), in the order of :meth:`groups`.

        ``data`` holds the message placeholders: ``first_path``, ``first_line``, ``first_column``,
        ``similarity`` (whole percent), ``words``, ``copies`` (copies in the group) and ``kind``.
        """
        out: list[DuplicateReport] = []
        for g in self.groups():
            first = g.first.loc
            for m in g.copies:
                data = {
                    "first_path": first.path,
                    "first_line": first.line,
                    "first_column": first.column,
                    "similarity": round(100 * m.similarity),
                    "words": m.words,
                    "copies": len(g.copies),
                    "kind": "exact" if g.exact else "near",
                }
                out.append(DuplicateReport(CODES[g.kind], m.loc, (first,), data))
        return out


def _group(
    nodes: _Nodes, first: int, copies: list[tuple[int, float]], kind: GroupKind, exact: bool
) -> tuple[tuple[int, int, int], DuplicateGroup]:
    members = [DuplicateMember(nodes.locs[first], 1.0, nodes.words[first])]
    members += [DuplicateMember(nodes.locs[j], s, nodes.words[j]) for j, s in copies]
    loc = nodes.locs[first]
    sort_key = (int(nodes.files[first]), loc.line, 0 if kind == "section" else 1)
    return sort_key, DuplicateGroup(kind, tuple(members), exact)


def find_duplicates(
    documents: Iterable[Sequence[Paragraph]], options: DuplicateOptions | None = None
) -> list[DuplicateReport]:
    """Fingerprint and index ``documents`` (each a file's paragraphs, in path order) in one process."""
    options = options or DuplicateOptions()
    index = DuplicateIndex(options)
    for paragraphs in documents:
        index.add(fingerprint(paragraphs, options))
    return index.reports()
