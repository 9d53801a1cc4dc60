"""The subject a list item inherits from its list's lead-in (issue 11).

Marketing copy states claims as bullets under a lead-in naming the product: "NeuroMax helps you:"
then "- Lower blood sugar", or a heading "Benefits of turmeric" then "- Soothes joints".  The engine
gives each list item unit its lead-in (``Unit.lead_in``); here the lead-in's subject is read, and
kept only when it names a product, substance or treatment, not the reader ("To lower your risk:",
"Tips:", "How to prevent the flu" name none).
"""

from __future__ import annotations

import re

from contentlint.model.finding import BlockKind, Unit
from contentlint.packs.claims.subject import subjectless_start

# The lead-in shapes that name what the list's items are benefits of.
_FORMS = (
    re.compile(r"^(?:the\s+)?(?:top\s+|key\s+|main\s+|health\s+)?benefits?\s+of\s+(?:taking\s+|using\s+)?"
               r"(?P<s>.+?)\s*[:.!]?$", re.IGNORECASE),
    re.compile(r"^with\s+(?P<s>.+?),?\s+you\s+(?:can|will|could|may|'ll)\b.*:$", re.IGNORECASE),
    re.compile(r"^(?P<s>.+?)(?:\s+(?:can|will|may|could))?\s+(?:helps?|lets?|allows?|enables?)\s+you"
               r"(?:\s+to)?\s*:$", re.IGNORECASE),
    re.compile(r"^(?P<s>.+?)\s+(?:can|will|is\s+(?:clinically\s+)?proven\s+to|is\s+designed\s+to)\s*:$",
               re.IGNORECASE),
    re.compile(r"^(?P<s>.+?)['’]?s?\s+(?:health\s+)?benefits\s*:?$", re.IGNORECASE),
)
_MARKS_RE = re.compile(r"[™®]")


def lead_in_subject(lead_in: str, not_subjects: re.Pattern[str] | None) -> str:
    """The product, substance or treatment a list's lead-in names, or "" (advice, tips, none)."""
    text = lead_in.strip().strip("*_ ")
    for form in _FORMS:
        m = form.match(text)
        if m is None:
            continue
        subject = m.group("s").strip(" ,;:-–—\"'“”")
        if not subject or len(subject.split()) > 5:
            return ""
        if not_subjects is not None and not_subjects.search(subject):
            return ""
        return subject
    return ""


def brand_like(subject: str) -> bool:
    """True when ``subject`` looks like a product name: a trade mark or a capital inside a word."""
    return bool(_MARKS_RE.search(subject)) or any(
        any(c.isupper() for c in word[1:]) and any(c.islower() for c in word) for word in subject.split())


def bullet_lead_in(unit: Unit, start: int, not_subjects: re.Pattern[str] | None) -> str:
    """The subject a list item's opening trigger at ``start`` inherits from its lead-in, or ""."""
    if unit.block_kind is not BlockKind.LIST_ITEM or not unit.lead_in:
        return ""
    if not subjectless_start(unit.text, start):
        return ""
    return lead_in_subject(unit.lead_in, not_subjects)
