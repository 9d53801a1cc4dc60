"""The HTML report: one self-contained page for writers who do not live in a terminal.

Each article is shown as written (its source text) with every finding highlighted in place; hovering
a highlight shows the message, clicking it opens the rule's explanation (summary, why, examples).
Checkboxes filter by family (rule pack) and severity, and an inline SVG chart shows the reading
grade of the article and of each section against the target.

The page loads nothing: styles and script are inline, and a Content-Security-Policy forbids any
other resource, so the report can be mailed, archived or opened from a CI artifact offline.
"""

from __future__ import annotations

import html
import json
import re
from dataclasses import dataclass, field
from typing import Any, TextIO

from contentlint.model.finding import Finding, Severity
from contentlint.model.result import FileResult, Report
from contentlint.output.base import OutputOptions, line_starts, offsets, source_of

_CSP = "default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:"
_SPACE = re.compile(r"\s+")


@dataclass
class _Span:
    """A highlight: source offsets, the finding it shows (index in the file) and nested highlights."""

    start: int
    end: int
    index: int
    finding: Finding | None
    region: bool = False
    children: list[_Span] = field(default_factory=list)


def _esc(text: str) -> str:
    return html.escape(text, quote=True)


def same_text(a: str, b: str) -> bool:
    """Whether two texts are equal once runs of white space are made one space (a soft line break)."""
    return _SPACE.sub(" ", a).strip() == _SPACE.sub(" ", b).strip()


def _spans(source: str, result: FileResult) -> tuple[list[_Span], list[int]]:
    """Return the highlights of a file and the indexes of findings shown only in the list.

    A finding whose match is the source text of its span is an inline highlight; a block-level one
    without a match (a duplicated paragraph) is a region; a document-level one (a grade) is listed
    only. Highlights must nest: one that crosses another is listed only rather than drawn wrong.
    """
    starts = line_starts(source)
    candidates: list[_Span] = []
    listed: list[int] = []
    for index, finding in enumerate(result.findings):
        start, end = offsets(starts, source, finding)
        if finding.match and end > start and same_text(source[start:end], finding.match):
            candidates.append(_Span(start, end, index, finding))
        elif not finding.match and end - start > 1:
            candidates.append(_Span(start, end, index, finding, region=True))
        else:
            listed.append(index)
    root = _Span(0, len(source), -1, None)
    stack = [root]
    for span in sorted(candidates, key=lambda s: (s.start, -s.end, s.index)):
        while stack[-1] is not root and stack[-1].end <= span.start:
            stack.pop()
        if span.end > stack[-1].end:
            listed.append(span.index)
            continue
        stack[-1].children.append(span)
        stack.append(span)
    return root.children, sorted(listed)


def _attrs(finding: Finding, family: str, file_index: int, index: int) -> str:
    return (f'data-file="{file_index}" data-index="{index}" data-code="{_esc(finding.code)}" '
            f'data-family="{_esc(family)}" data-sev="{finding.severity}"')


def _render(source: str, span: _Span, children: list[_Span], file_index: int, options: OutputOptions) -> str:
    parts: list[str] = []
    position = span.start
    for child in children:
        assert child.finding is not None
        parts.append(_esc(source[position:child.start]))
        family = options.info(child.finding).family
        title = f"{child.finding.code} {child.finding.name}: {child.finding.message}"
        kind = "hl region" if child.region else "hl"
        if span.finding is not None and (child.start, child.end) != (span.start, span.end):
            kind += " inner"  # a highlight inside a larger one is drawn darker, or it would not show
        parts.append(f'<mark class="{kind} sev-{child.finding.severity}" tabindex="0" '
                     f'{_attrs(child.finding, family, file_index, child.index)} title="{_esc(title)}">')
        parts.append(_render(source, child, child.children, file_index, options))
        parts.append("</mark>")
        position = child.end
    parts.append(_esc(source[position:span.end]))
    return "".join(parts)


def _chart(result: FileResult, metric: str, target: float) -> str:
    """Return an inline SVG bar chart of the reading grade of the article and each section."""
    rows: list[tuple[str, float]] = []
    if result.metrics.get("words"):
        rows.append(("Whole article", float(result.metrics.get(metric, 0.0))))
    for number, section in enumerate(result.sections, start=1):
        if section.get("words"):
            label = section.get("heading") or f"Section {number} (line {section.get('line', '?')})"
            rows.append((str(label), float(section.get(metric, 0.0))))
    if not rows:
        return '<p class="muted">No prose to score.</p>'
    top = max(20.0, target + 2, *(value for _, value in rows))
    label_width, bar_width, row_height = 230, 360, 22
    height = row_height * len(rows) + 30
    scale = bar_width / top
    parts = [f'<svg class="chart" role="img" width="{label_width + bar_width + 60}" height="{height}" '
             f'viewBox="0 0 {label_width + bar_width + 60} {height}" xmlns="http://www.w3.org/2000/svg">',
             f"<title>Reading grade ({_esc(metric)}) per article and section; target {target:g}</title>"]
    for row, (label, value) in enumerate(rows):
        y = row * row_height + 4
        short = label if len(label) <= 34 else label[:33] + "…"
        over = "over" if value > target else "ok"
        parts.append(f'<text x="{label_width - 8}" y="{y + 14}" text-anchor="end">{_esc(short)}</text>')
        parts.append(f'<rect class="bar {over}" x="{label_width}" y="{y}" width="{max(1.0, value * scale):.1f}" '
                     f'height="{row_height - 6}"><title>{_esc(label)}: grade {value:.1f}</title></rect>')
        parts.append(f'<text x="{label_width + max(1.0, value * scale) + 4:.1f}" y="{y + 14}">{value:.1f}</text>')
    x = label_width + target * scale
    parts.append(f'<line class="target" x1="{x:.1f}" y1="0" x2="{x:.1f}" y2="{height - 24}"/>')
    parts.append(f'<text class="target-label" x="{x:.1f}" y="{height - 8}" text-anchor="middle">target {target:g}</text>')
    parts.append("</svg>")
    return "".join(parts)


_SCORES = (("flesch_kincaid_grade", "Flesch–Kincaid grade"), ("flesch_reading_ease", "Flesch reading ease"),
           ("smog_index", "SMOG"), ("gunning_fog", "Gunning fog"), ("coleman_liau_index", "Coleman–Liau"),
           ("dale_chall", "Dale–Chall"), ("automated_readability_index", "ARI"), ("words", "words"),
           ("sentences", "sentences"))


def _article(result: FileResult, file_index: int, run: Report, options: OutputOptions) -> str:
    head = f'<section class="article" id="file-{file_index}" data-path="{_esc(result.path)}"><h2>{_esc(result.path)}</h2>'
    if result.error:
        return head + f'<p class="error">Could not be read: {_esc(result.error)}</p></section>'
    source = source_of(result)
    spans, listed = _spans(source, result)
    scores = "".join(f"<dt>{label}</dt><dd>{result.metrics[key]:g}</dd>"
                     for key, label in _SCORES if key in result.metrics)
    items = []
    for index, finding in enumerate(result.findings):
        info = options.info(finding)
        where = "listed only" if index in listed else "highlighted"
        suggestion = f' <span class="suggestion">→ {_esc(finding.suggestion)}</span>' if finding.suggestion else ""
        related = "".join(f' <span class="related">see {_esc(loc.path)}:{loc.line}:{loc.column}</span>'
                          for loc in finding.related)
        items.append(f'<li class="finding sev-{finding.severity}" {_attrs(finding, info.family, file_index, index)} '
                     f'data-where="{where}"><button type="button" class="goto">{finding.line}:{finding.column}</button> '
                     f'<b class="sev">{finding.severity}</b> <code>{_esc(finding.code)}</code> '
                     f'{_esc(finding.message)}{suggestion}{related}</li>')
    body = _render(source, _Span(0, len(source), -1, None), spans, file_index, options)
    return (head
            + f'<div class="scores"><div>{_chart(result, run.grade_metric, run.grade_target)}</div>'
            + f'<dl class="metrics">{scores}</dl></div>'
            + (f'<ol class="findings">{"".join(items)}</ol>' if items else '<p class="clean">No findings.</p>')
            + f'<pre class="source">{body}</pre></section>')


def _script_json(data: Any) -> str:
    """JSON safe inside a ``<script>`` element (no ``</script>`` can end it early)."""
    return json.dumps(data, ensure_ascii=False).replace("</", "<\\/").replace("<!--", "<\\!--")


def to_html(run: Report, options: OutputOptions) -> str:
    """Return the report page of a run."""
    counts = run.counts()
    families = sorted({options.info(f).family for r in run.files for f in r.findings})
    family_boxes = "".join(f'<label><input type="checkbox" data-filter="family" value="{_esc(f)}" checked> {_esc(f)}</label>'
                           for f in families)
    severity_boxes = "".join(f'<label class="sev-{s}"><input type="checkbox" data-filter="sev" value="{s}" checked> '
                             f'{s} ({counts[s]})</label>' for s in (Severity.ERROR, Severity.WARNING, Severity.INFO))
    articles = "".join(_article(result, i, run, options) for i, result in enumerate(run.files))
    rules = {code: info.to_dict() for code, info in options.rules.items()}
    for result in run.files:
        for finding in result.findings:
            rules.setdefault(finding.code, options.info(finding).to_dict())
    toc = "".join(f'<li><a href="#file-{i}">{_esc(r.path)}</a> ({len(r.findings)})</li>' for i, r in enumerate(run.files))
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="{_CSP}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>contentlint report</title>
<style>{_STYLE}</style></head>
<body>
<header><h1>contentlint report</h1>
<p>{len(run.files)} file{'s' if len(run.files) != 1 else ''} checked: {counts[Severity.ERROR]} errors,
{counts[Severity.WARNING]} warnings, {counts[Severity.INFO]} infos. Reading grade target {run.grade_target:g}
({_esc(run.grade_metric)}). contentlint {_esc(run.version)}.</p>
<form id="filters" onsubmit="return false"><fieldset><legend>Family</legend>{family_boxes}</fieldset>
<fieldset><legend>Severity</legend>{severity_boxes}</fieldset></form>
<nav><ol>{toc}</ol></nav></header>
<main>{articles}</main>
<aside id="explain" hidden><button type="button" id="close" aria-label="Close">×</button><div id="explain-body"></div></aside>
<script type="application/json" id="rules">{_script_json(rules)}</script>
<script>{_SCRIPT}</script>
</body></html>
"""


def render_html(run: Report, out: TextIO, options: OutputOptions) -> None:
    """Write the run as one self-contained HTML page."""
    out.write(to_html(run, options))


_STYLE = """
body{font:15px/1.5 system-ui,-apple-system,"Segoe UI",sans-serif;margin:0;color:#1d2330;background:#f6f7f9}
header{background:#fff;border-bottom:1px solid #d8dce3;padding:12px 24px}
h1{font-size:22px;margin:0 0 4px}h2{font-size:18px;margin:0 0 8px;word-break:break-all}
fieldset{display:inline-block;border:1px solid #d8dce3;border-radius:6px;margin:4px 8px 4px 0;padding:4px 10px}
legend{font-size:12px;color:#5a6270}label{margin-right:10px;white-space:nowrap}
nav ol{margin:6px 0;padding-left:20px;columns:2}main{padding:12px 24px;max-width:1100px}
.article{background:#fff;border:1px solid #d8dce3;border-radius:8px;padding:16px;margin:0 0 20px}
.scores{display:flex;flex-wrap:wrap;gap:16px;align-items:flex-start}
.chart text{font-size:12px;fill:#1d2330}.bar.ok{fill:#5b9bd5}.bar.over{fill:#e07a3f}
.target{stroke:#b00020;stroke-width:2;stroke-dasharray:4 3}.target-label{fill:#b00020}
.metrics{display:grid;grid-template-columns:auto auto;gap:0 10px;font-size:13px;margin:0}
.metrics dt{color:#5a6270}.metrics dd{margin:0;font-variant-numeric:tabular-nums}
.findings{font-size:14px;padding-left:20px}.findings li{margin:2px 0}
.goto{font:12px monospace;border:1px solid #c3c9d3;background:#f2f4f7;border-radius:4px;cursor:pointer}
.sev{text-transform:uppercase;font-size:11px}.sev-error .sev{color:#b00020}.sev-warning .sev{color:#9a5b00}
.sev-info .sev{color:#0b6b8a}.suggestion{color:#1a7f37}.related{color:#5a6270}
.source{white-space:pre-wrap;word-wrap:break-word;background:#fbfbfc;border:1px solid #e3e6eb;border-radius:6px;
padding:12px;font:13px/1.6 ui-monospace,SFMono-Regular,Menlo,Consolas,monospace}
mark.hl{background:none;border-bottom:2px solid;cursor:pointer;padding:1px 0}
mark.hl.sev-error{background:#fde2e4;border-color:#b00020}mark.hl.sev-warning{background:#fff1c2;border-color:#c98a00}
mark.hl.sev-info{background:#dff3fb;border-color:#0b8ab0}
mark.hl.inner{filter:brightness(.88);border-bottom-width:3px;font-weight:600}
mark.hl.region{background:none;border-bottom:none;border-left:4px solid;padding-left:4px}
mark.hl.region.sev-error{background:#fff5f6}
mark.hl.off{background:none;border-color:transparent}li.finding.off{display:none}
mark.hl.flash{outline:3px solid #2962ff}
#explain{position:fixed;right:16px;top:16px;width:360px;max-height:80vh;overflow:auto;background:#fff;
border:1px solid #9aa3b2;border-radius:8px;box-shadow:0 6px 24px rgba(0,0,0,.18);padding:12px 16px;font-size:14px}
#explain h3{margin:0 0 6px;font-size:16px}#close{float:right;border:none;background:none;font-size:20px;cursor:pointer}
#explain .bad{color:#b00020}#explain .good{color:#1a7f37}.muted{color:#5a6270}.error{color:#b00020}
"""

_SCRIPT = r"""
"use strict";
(function () {
  const rules = JSON.parse(document.getElementById("rules").textContent);
  const panel = document.getElementById("explain");
  const body = document.getElementById("explain-body");
  function el(tag, cls, text) {
    const node = document.createElement(tag);
    if (cls) node.className = cls;
    if (text !== undefined) node.textContent = text;
    return node;
  }
  function explain(target) {
    const rule = rules[target.dataset.code] || {};
    const item = document.querySelector('li.finding[data-file="' + target.dataset.file + '"][data-index="' + target.dataset.index + '"]');
    body.replaceChildren();
    body.append(el("h3", "", target.dataset.code + " " + (rule.name || "")));
    body.append(el("p", "muted", (rule.pack || "") + " · " + (rule.level || target.dataset.sev)));
    if (item) body.append(el("p", "", item.textContent.replace(/^\S+\s+/, "")));
    if (rule.summary) body.append(el("p", "", rule.summary));
    if (rule.why) body.append(el("p", "", rule.why));
    for (const [key, label] of [["bad", "Bad"], ["good", "Good"]]) {
      if (rule[key] && rule[key].length) {
        body.append(el("strong", "", label));
        const list = el("ul", key);
        for (const text of rule[key]) list.append(el("li", "", text));
        body.append(list);
      }
    }
    panel.hidden = false;
  }
  document.addEventListener("click", function (event) {
    const mark = event.target.closest("mark.hl");
    if (mark) { event.stopPropagation(); explain(mark); return; }
    const button = event.target.closest("button.goto");
    if (button) {
      const li = button.closest("li.finding");
      const target = document.querySelector('mark.hl[data-file="' + li.dataset.file + '"][data-index="' + li.dataset.index + '"]');
      explain(target || li);
      if (target) {
        target.scrollIntoView({block: "center"});
        target.classList.add("flash");
        setTimeout(function () { target.classList.remove("flash"); }, 1200);
      }
    }
  });
  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape") panel.hidden = true;
    if (event.key === "Enter" && event.target.matches && event.target.matches("mark.hl")) explain(event.target);
  });
  document.getElementById("close").addEventListener("click", function () { panel.hidden = true; });
  function applyFilters() {
    const off = {family: new Set(), sev: new Set()};
    for (const box of document.querySelectorAll("#filters input")) {
      if (!box.checked) off[box.dataset.filter].add(box.value);
    }
    for (const node of document.querySelectorAll("[data-family][data-sev]")) {
      node.classList.toggle("off", off.family.has(node.dataset.family) || off.sev.has(node.dataset.sev));
    }
  }
  document.getElementById("filters").addEventListener("change", applyFilters);
  applyFilters();
})();
"""
