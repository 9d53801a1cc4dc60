"""What the readers take as prose: front matter dialects, templates, MDX, attributes, inline HTML.

Positions are pinned to exact line:column so that a reader change that shifts a span fails here.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers import lint_files, lint_text

from contentlint.engine.fixer import apply_fixes, fixable
from contentlint.model.document import BlockRole
from contentlint.model.finding import BlockKind, Finding
from contentlint.readers.load import parse


def where(findings: list[Finding], prefix: str = "") -> list[tuple[str, int, int, int, int]]:
    """Return (code, line, column, end line, end column) of the findings whose code starts with ``prefix``."""
    return sorted((f.code, f.line, f.column, f.end_line, f.end_column) for f in findings if f.code.startswith(prefix))


def prose(text: str, fmt: str = "markdown") -> list[str]:
    """Return the prose text of every block of ``text`` read as ``fmt``."""
    return [b.text for b in parse(text, "x", fmt).blocks]


def fixed(text: str, name: str = "a.md") -> str:
    """Return ``text`` with every safe fix applied, as ``--fix`` would write it."""
    return apply_fixes(text, fixable(lint_text(text, name)))[0]


# --- front matter ---------------------------------------------------------------------------------

TOML = '+++\ntitle = "Alot of rest"\nsummary = "could of"\n+++\n\nRest helps alot.\n'
JSON_FM = '{\n  "title": "Alot of rest",\n  "summary": "could of"\n}\n\nRest helps alot.\n'
YAML = '---\ntitle: Alot of rest\nsummary: could of\n---\n\nRest helps alot.\n'


@pytest.mark.parametrize("text", [TOML, JSON_FM, YAML], ids=["toml", "json", "yaml"])
def test_front_matter_is_never_prose_nor_fixed(text: str) -> None:
    assert prose(text) == ["Rest helps alot."]
    line = text.count("\n", 0, text.index("Rest")) + 1
    assert where(lint_text(text, select=("SP",))) == [("SP003", line, 12, line, 16)]
    after = fixed(text)
    assert after == text.replace("helps alot", "helps a lot")


def test_yaml_front_matter_in_an_html_page_is_not_prose() -> None:
    text = "---\nlayout: post\ntitle: alot\n---\n<p>Rest helps alot.</p>\n"
    assert prose(text, "html") == ["Rest helps alot."]
    assert where(lint_text(text, "a.html", select=("SP",))) == [("SP003", 5, 15, 5, 19)]


# --- templates ------------------------------------------------------------------------------------

LIQUID = """# Title

{% include "alot.html" %}
Rest {{ page.alot | default: "could of" }} helps alot. {# alot #}
{% if x %}could of{% endif %} done.

{% highlight python %}
alot = 1
{% endhighlight %}

{% raw %}{{ alot }}{% endraw %}
"""


def test_liquid_and_jinja_are_markup() -> None:
    assert prose(LIQUID) == ["Title", "Rest helps alot. could of done."]
    # "could of" between {% if %} and {% endif %} is the author's text; the tags are not.
    assert where(lint_text(LIQUID, select=("SP",))) == [("SP002", 5, 11, 5, 19), ("SP003", 4, 50, 4, 54)]
    after = fixed(LIQUID)
    assert '{% include "alot.html" %}' in after and '"could of" }}' in after and "{# alot #}" in after
    assert "helps a lot." in after and "{% endif %} done" in after


HUGO = """{{< figure src="/img/alot.png" caption="alot" >}}

Shade {{< ref "alot.md" >}} helps alot.

{{% note %}}
Water helps alot.
{{% /note %}}

{{</* figure src="alot.png" */>}}
"""


def test_hugo_shortcodes_are_markup_and_their_inner_markdown_is_prose() -> None:
    assert prose(HUGO) == ["Shade helps alot.", "Water helps alot."]
    assert where(lint_text(HUGO, select=("SP",))) == [("SP003", 3, 35, 3, 39), ("SP003", 6, 13, 6, 17)]
    after = fixed(HUGO)
    assert after.count("alot") == HUGO.count("alot") - 2
    assert '/img/alot.png' in after and '"alot.md"' in after and 'src="alot.png"' in after


# --- MDX ------------------------------------------------------------------------------------------

MDX = """import Tabs from '@theme/Tabs';
export const meta = {
  title: 'alot',
};

<Tabs groupId="x">
<TabItem value="a" label="alot">
Sleep helps alot.
</TabItem>
</Tabs>

Naps <Note kind="alot">could of</Note> helped. {/* alot */} See {meta.title}.

<Chart data={[1, 2]} title="alot" />
"""


def test_mdx_statements_jsx_and_expressions_are_markup_and_jsx_text_is_prose() -> None:
    assert prose(MDX, "mdx") == ["Sleep helps alot.", "Naps could of helped. See ."]
    assert where(lint_text(MDX, "page.mdx", select=("SP",))) == [("SP002", 12, 24, 12, 32), ("SP003", 8, 13, 8, 17)]
    after = fixed(MDX, "page.mdx")
    assert after.count("alot") == MDX.count("alot") - 1
    assert "label=\"alot\"" in after and "{/* alot */}" in after and "title: 'alot'" in after


def test_mdx_files_are_discovered(tmp_path: Path) -> None:
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "page.mdx").write_text("import X from 'x';\n\nSleep helps alot.\n")
    run = lint_files(tmp_path, select=("SP",))
    assert [(Path(r.path).name, where(r.findings)) for r in run.files] == [("page.mdx", [("SP003", 3, 13, 3, 17)])]


# --- attributes, definition lists, containers -----------------------------------------------------

def test_pandoc_and_kramdown_attributes_are_not_prose() -> None:
    text = "## Dosage {#dose .note}\n\nTake it with food.\n{: .tip}\n\n[Read more](x.md){.button target=_blank}\n"
    assert prose(text) == ["Dosage", "Take it with food.", "Read more"]


def test_definition_lists_are_items_not_one_run_on_paragraph() -> None:
    text = "Fever\n: A temperature above 38 °C.\n\nRash\n: Red spots on the skin.\n"
    blocks = parse(text, "x", "markdown").blocks
    assert [(b.kind, b.text, b.first_line) for b in blocks] == [
        (BlockKind.LIST_ITEM, "Fever", 1), (BlockKind.LIST_ITEM, "A temperature above 38 °C.", 2),
        (BlockKind.LIST_ITEM, "Rash", 4), (BlockKind.LIST_ITEM, "Red spots on the skin.", 5),
    ]


def test_admonition_fences_are_markup() -> None:
    text = ":::tip Alot of help\nNaps help alot.\n:::\n"
    assert prose(text) == ["Naps help alot."]
    assert where(lint_text(text, select=("SP",))) == [("SP003", 2, 11, 2, 15)]


# --- inline and block HTML ------------------------------------------------------------------------

def test_inline_html_is_read_as_html() -> None:
    text = ("An un<em>usual</em> rash<script>var alot = 'could of';</script> can itch. "
            "<iframe src='x'>alot</iframe>See <a href='https://nhs.uk'>the NHS page</a>.<br>Rest.\n")
    blocks = parse(text, "x", "markdown").blocks
    assert [b.text for b in blocks] == ["An unusual rash can itch. See the NHS page. Rest."]
    assert blocks[0].prose.links[0][2] == "https://nhs.uk"
    assert where(lint_text(text, select=("SP",))) == []


def test_html_blocks_are_read_as_html_with_exact_positions() -> None:
    text = "Intro.\n\n<div class=\"box\">\n  <p>Rest&nbsp;&nbsp;helps alot.</p>\n  <script>alot()</script>\n</div>\n"
    assert prose(text) == ["Intro.", "Rest  helps alot.".replace("  ", " ")]
    assert where(lint_text(text, select=("SP",))) == [("SP003", 4, 28, 4, 32)]


GETTY = ("<a id='g{n}' class='gie-single' href='http://www.gettyimages.com/detail/{n}' target='_blank' "
         "style='color:#a7a7a7;text-decoration:none;'>Embed from Getty Images</a><script>window.gie=window.gie"
         "||function(c){{(gie.q=gie.q||[]).push(c)}};gie(function(){{gie.widgets.load({{id:'g{n}',sig:'abc=',"
         "w:'594px',h:'396px',items:'{n}',caption: true ,tld:'com',is360: false }})}});</script>"
         "<script src='//embed-cdn.gettyimages.com/widgets.js' charset='utf-8' async></script>")
PARAGRAPH = ("Most colds get better on their own within a week or two. Rest, drink plenty of fluids and "
             "take paracetamol if you have a fever.")


@pytest.mark.parametrize("wrapper", ["{}", "<div class=\"embed\">\n{}\n</div>"], ids=["inline", "block"])
def test_image_agency_embeds_give_no_duplicates_and_no_grade(wrapper: str) -> None:
    embeds = "\n\n".join(wrapper.format(GETTY.format(n=n)) for n in range(5))
    page = f"# Colds\n\n{embeds}\n\n{PARAGRAPH}\n"
    findings = lint_text(page)
    assert where(findings, "DU") == []
    assert prose(page) == ["Colds", PARAGRAPH]
    alone = lint_files_metrics(f"# Colds\n\n{PARAGRAPH}\n")
    assert lint_files_metrics(page) == alone


def lint_files_metrics(text: str) -> dict[str, object]:
    """Return the document metrics of ``text`` linted as Markdown."""
    from contentlint.engine.config import Settings
    from contentlint.engine.run import build_rules, lint_paths

    settings = Settings()
    run = lint_paths([], settings, build_rules(settings, []), stdin=text.encode(), stdin_name="a.md")
    return run.files[0].metrics


def test_third_party_embeds_in_html_are_not_prose() -> None:
    text = ('<p>Flu jabs are free for over-65s.</p>\n'
            '<blockquote class="twitter-tweet"><p>Garlic cures flu alot!</p>&mdash; X</blockquote>\n'
            '<script async src="https://platform.twitter.com/widgets.js"></script>\n'
            '<div><a href="https://x">Embed from Getty Images</a><script>gie()</script></div>\n'
            '<noscript><p>Enable JavaScript alot.</p></noscript>\n')
    assert prose(text, "html") == ["Flu jabs are free for over-65s."]


# --- references, footnotes, citations --------------------------------------------------------------

REFERENCES = """# Zinc and colds

Zinc lozenges may shorten a cold by a day or two.

## References

1. Smith J. Zinc cures the common cold. J Med. 2019;12(3):45-67.
2. Jones A. Vitamin C prevents colds in all adults. Lancet. 2020.

## Bibliography

Brown K. Garlic cures colds. London: Health Press; 2018.

## What to do next

Rest and drink plenty of fluids.

Lee M. Echinacea cures colds. BMJ. 2017;354:i3214. doi:10.1136/bmj.i3214

Zinc works for everyone.[^1]

[^1]: Green P. Zinc cures colds in every adult. 2021.
"""


def test_reference_sections_footnotes_and_citations_are_marked() -> None:
    blocks = parse(REFERENCES, "x", "markdown").blocks
    roles = [(b.text[:12], b.role) for b in blocks]
    assert roles == [
        ("Zinc and col", BlockRole.PROSE), ("Zinc lozenge", BlockRole.PROSE),
        ("References", BlockRole.REFERENCE), ("Smith J. Zin", BlockRole.REFERENCE),
        ("Jones A. Vit", BlockRole.REFERENCE), ("Bibliography", BlockRole.REFERENCE),
        ("Brown K. Gar", BlockRole.REFERENCE), ("What to do n", BlockRole.PROSE),
        ("Rest and dri", BlockRole.PROSE), ("Lee M. Echin", BlockRole.CITATION),
        ("Zinc works f", BlockRole.PROSE), ("Green P. Zin", BlockRole.FOOTNOTE),
    ]


def test_references_footnotes_and_bibliographies_give_no_claims_finding() -> None:
    assert where(lint_text(REFERENCES), "MC") == []
    # ... while the same sentences as prose do.
    assert where(lint_text("Zinc cures the common cold.\n"), "MC")


@pytest.mark.parametrize("marker", ["<sup>5</sup>", "<sup>[5]</sup>", "<sup>2,3</sup>", "[^3]",
                                    "<sup><a href=\"#r5\">5</a></sup>"])
@pytest.mark.parametrize("before_stop", [True, False])
def test_superscript_numbers_and_footnote_references_are_sources(marker: str, before_stop: bool) -> None:
    sentence = "Zinc cures the common cold in adults"
    cited = f"{sentence}{marker}." if before_stop else f"{sentence}.{marker}"
    text = f"{cited} Rest helps.\n\n[^3]: Smith J. 2019.\n"
    assert where(lint_text(text), "MC") == []
    assert where(lint_text(f"{sentence}. Rest helps.\n"), "MC")


@pytest.mark.parametrize("fmt", ["markdown", "html"])
def test_exponents_are_not_citations(fmt: str) -> None:
    text = "Zinc cures colds in 10<sup>6</sup> adults with a BMI over 30 kg/m<sup>2</sup>.\n"
    if fmt == "html":
        text = f"<p>{text.strip()}</p>\n"
    blocks = parse(text, "x", fmt).blocks
    assert [b.text for b in blocks] == ["Zinc cures colds in 106 adults with a BMI over 30 kg/m2."]
    assert blocks[0].prose.links == ()


def test_html_superscripts_and_reference_containers() -> None:
    text = ("<p>Zinc cures the common cold in adults.<sup>5</sup></p>\n"
            "<section class=\"footnotes\"><ol><li>Zinc cures colds in all adults.</li></ol></section>\n"
            "<h2>Sources</h2><ul><li>Garlic cures colds. 2018.</li></ul>\n")
    assert where(lint_text(text, "a.html"), "MC") == []
    blocks = parse(text, "x", "html").blocks
    assert [b.role for b in blocks] == [BlockRole.PROSE, BlockRole.FOOTNOTE, BlockRole.REFERENCE,
                                        BlockRole.REFERENCE]


def test_reference_sections_do_not_count_towards_the_reading_grade() -> None:
    body = "# Colds\n\nRest and drink fluids. Most colds pass in a week.\n"
    refs = ("\n## References\n\n- Nieminen-Kauppinen Q. Comparative pharmacokinetic characterisation of "
            "intranasal immunomodulatory polysaccharide formulations. Int J Pharm. 2019;12(3):45-67.\n")
    assert lint_files_metrics(body + refs) == lint_files_metrics(body)


# --- unclosed comments, deep nesting ---------------------------------------------------------------

def test_unclosed_comment_is_a_finding_and_the_rest_is_linted() -> None:
    text = "Intro here.\n\n  <!-- draft note, never closed\n\nRest helps alot.\n\nIt could of helped.\n"
    assert where(lint_text(text, select=("SP",))) == [
        ("CL008", 3, 3, 3, 7), ("SP002", 7, 4, 7, 12), ("SP003", 5, 12, 5, 16)]
    # A comment that closes further down is a comment: what it spans is not prose.
    closed = "<!-- note\n\nRest helps alot.\n-->\n\nIt could of helped.\n"
    assert where(lint_text(closed, select=("SP",))) == [("SP002", 6, 4, 6, 12)]


def test_unclosed_comment_in_html_is_a_finding_and_the_rest_is_linted() -> None:
    text = "<p>Intro here.</p>\n<p>Fine.</p> <!-- never closed\n<p>Rest helps alot.</p>\n"
    assert where(lint_text(text, "a.html", select=("SP",))) == [("CL008", 2, 14, 2, 18), ("SP003", 3, 15, 3, 19)]
    assert prose(text, "html") == ["Intro here.", "Fine.", "Rest helps alot."]


def test_lists_nested_ten_deep_and_quotes_twenty_deep_keep_their_text() -> None:
    lists = "".join("  " * depth + f"- level {depth} helps alot\n" for depth in range(10))
    assert where(lint_text(lists, select=("SP003",))) == [
        ("SP003", depth + 1, 2 * depth + 17, depth + 1, 2 * depth + 21) for depth in range(10)]
    quotes = "\n".join(">" * depth + f" quote {depth:02d} helps alot\n" for depth in range(1, 21))
    assert where(lint_text(quotes, select=("SP003",))) == sorted(
        ("SP003", 2 * depth - 1, depth + 17, 2 * depth - 1, depth + 21) for depth in range(1, 21))


# --- --fix on every dialect ---------------------------------------------------------------------------

DIALECTS = {
    "toml.md": TOML,
    "json.md": JSON_FM,
    "yaml.md": YAML,
    "liquid.md": LIQUID,
    "hugo.md": HUGO,
    "page.mdx": MDX,
    "attributes.md": "## Alot {#alot .alot}\n\nRest helps alot.\n{: .alot}\n\n[Alot](alot.md){.alot}\n",
    "containers.md": ":::tip Alot\nNaps help alot.\n:::\n\n!!! note \"alot\"\n",
    "html-inline.md": "Rest <span title=\"alot\">helps alot</span>.<script>alot()</script> `alot` <!-- alot -->\n",
    "html-block.md": "<div data-x=\"alot\">\n<p>Rest helps alot.</p>\n<style>.alot{}</style>\n</div>\n",
    "code.md": "Rest helps alot.\n\n```\ncould of alot\n```\n\n    could of alot\n",
    "layout.html": "---\ntitle: alot\n---\n<p title=\"alot\">Rest helps alot. {{ alot }}</p>\n<script>alot</script>\n",
}


@pytest.mark.parametrize("name", sorted(DIALECTS))
def test_fix_changes_only_prose_bytes_in_every_dialect(name: str) -> None:
    text = DIALECTS[name]
    doc = parse(text, name, {"md": "markdown", "mdx": "mdx", "html": "html"}[name.rsplit(".", 1)[1]])
    prose_offsets = {origin for block in doc.blocks for origin in block.prose.origins}
    fixes = fixable(lint_text(text, name))
    assert fixes, "every snippet has a prose slip to fix"
    for fix in fixes:
        assert set(range(fix.start, fix.end)) <= prose_offsets, (name, text[fix.start:fix.end])
    after = apply_fixes(text, fixes)[0]
    # Every "alot" left is in markup, template syntax, front matter or code; the prose ones are gone.
    def baits(value: str) -> int:
        return value.lower().count("alot") + value.lower().count("could of")

    assert baits(after) == baits(text) - len(fixes)


def test_docusaurus_markdown_pages_may_import_like_mdx() -> None:
    text = ("import Tabs from '@theme/Tabs';\nimport {Note} from './note';\nexport const x = 1;\n\n"
            "You can\nimport records from your clinic into the app alot.\n")
    assert prose(text) == ["You can import records from your clinic into the app alot."]
    assert where(lint_text(text, select=("SP",))) == [("SP003", 6, 46, 6, 50)]
