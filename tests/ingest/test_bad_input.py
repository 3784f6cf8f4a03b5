"""Broken and hostile article files: a clear error naming the file, and nothing else breaks."""

from __future__ import annotations

import importlib
import json
import re
import time
import tracemalloc

import pytest
from click.testing import CliRunner

import generator.ingest.files as ingest
from generator.cli import main
from generator.ingest.files import IngestError, parse_article, read_bytes
from tests.hostile_sites import make_project

GOOD = "Mayor Ann Lee said on Monday that the city will spend $2 million on parks.\n"


def alias_bomb(levels: int, key: str) -> str:
    """YAML 'billion laughs': each level is a list of nine aliases of the level below."""
    lines = ["l0: &l0 [" + ", ".join(['"lol"'] * 9) + "]"]
    for i in range(1, levels):
        lines.append(f"l{i}: &l{i} [" + ", ".join([f"*l{i - 1}"] * 9) + "]")
    return "---\n" + "\n".join(lines) + f"\n{key}: *l{levels - 1}\n---\n" + GOOD


MALFORMED: list[tuple[str, bytes, str]] = [
    # (file name, bytes, what the error says)
    ("empty.txt", b"", "file is empty"),
    ("blank.md", b" \n\t\r\n  \n", "file is empty"),
    ("bom-only.txt", b"\xef\xbb\xbf", "has no text"),
    ("utf16-bom-only.txt", b"\xff\xfe", "has no text"),
    ("png.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00", "binary file"),
    ("elf.md", b"\x7fELF\x02\x01\x01\x00" + bytes(range(256)), "binary file"),
    ("nul.txt", b"Some words\x00 and a NUL.", "binary file"),
    (
        "gzip.txt",
        b"\x1f\x8b\x08\x00\x00\x00\x00\x00\x00\x03" + bytes(range(200, 256)),
        "binary file",
    ),
    ("latin1.txt", "Caf\u00e9 owners said prices rose.".encode("latin-1"), "Latin-1"),
    ("cp1252.txt", "\u201cWe act,\u201d she said.".encode("cp1252"), "Windows-1252"),
    ("truncated-utf8.txt", "Stra\u00dfe".encode()[:-1] + b"\xc3", "not valid UTF-8"),
    ("overlong.txt", b"A \xc0\xaf slash.", "not valid UTF-8"),
    ("surrogate.txt", b"A \xed\xa0\x80 surrogate.", "not valid UTF-8"),
    ("utf16-nobom.txt", GOOD.encode("utf-16-le"), "UTF-16 without a byte-order mark"),
    ("utf16-broken.txt", b"\xff\xfeA\x00\x00\xd8", "not valid UTF-16"),
    ("utf32-binary.txt", b"\xff\xfe\x00\x00" + b"\x00\x00\x11\x00", "not valid UTF-32"),
    ("punctuation.txt", "!!! ??? ... --- *** \u2026 \u00bf".encode(), "no words"),
    ("emoji.txt", "\U0001f600 \U0001f4a5\U0001f525 \u2764\ufe0f".encode(), "no words"),
    ("whitespace-unicode.txt", "\u3000\u2003\u00a0\u2028".encode(), "has no text"),
    ("unclosed.md", b"---\ntitle: x\nBody without a closing line.\n", "no closing '---'"),
    ("bad-yaml.md", b"---\ntitle: [unclosed\n---\n" + GOOD.encode(), "not valid YAML (line 2)"),
    ("tab-yaml.md", b"---\ntitle:\n\t- x\n---\n" + GOOD.encode(), "not valid YAML"),
    (
        "python-tag.md",
        b"---\ntitle: !!python/object/apply:os.system ['true']\n---\nx",
        "not valid YAML",
    ),
    ("unhashable.md", b"---\n? [a, b]\n: c\n---\n" + GOOD.encode(), "not valid YAML"),
    ("list-yaml.md", b"---\n- a\n- b\n---\n" + GOOD.encode(), "must be a mapping"),
    ("scalar-yaml.md", b"---\njust a string\n---\n" + GOOD.encode(), "must be a mapping"),
    ("deep.md", b"---\ntitle: " + b"[" * 50_000 + b"\n---\n" + GOOD.encode(), "nested too deeply"),
    (
        "deep-map.md",
        b"---\ntitle: " + b"{a: " * 20_000 + b"\n---\n" + GOOD.encode(),
        "front matter",
    ),
    ("bomb-title.md", alias_bomb(9, "title").encode(), "'title' must be text, not list"),
    ("bomb-date.md", alias_bomb(9, "date").encode(), "'date' must be a date"),
    ("bomb-source.md", alias_bomb(9, "source").encode(), "'source' must be text"),
    (
        "map-title.md",
        b"---\ntitle: {a: 1}\n---\n" + GOOD.encode(),
        "'title' must be text, not dict",
    ),
    ("bool-title.md", b"---\ntitle: yes\n---\n" + GOOD.encode(), "'title' must be text, not bool"),
    (
        "binary-title.md",
        b"---\ntitle: !!binary aGVsbG8=\n---\n" + GOOD.encode(),
        "'title' must be text, not bytes",
    ),
    ("set-author.md", b"---\nauthor: !!set {a, b}\n---\n" + GOOD.encode(), "'author' must be text"),
    ("huge-int.md", b"---\ntitle: " + b"7" * 5000 + b"\n---\n" + GOOD.encode(), "front matter"),
    ("date-feb30.md", b"---\ndate: 2025-02-30\n---\n" + GOOD.encode(), "not a real calendar date"),
    (
        "date-month13.md",
        b"---\ndate: 2025-13-01\n---\n" + GOOD.encode(),
        "not a real calendar date",
    ),
    ("date-words.md", b"---\ndate: next tuesday\n---\n" + GOOD.encode(), "not a YYYY-MM-DD date"),
    ("date-year0.md", b"---\ndate: 0000-01-01\n---\n" + GOOD.encode(), "not a real calendar date"),
    ("date-list.md", b"---\ndate: [2025-01-01]\n---\n" + GOOD.encode(), "'date' must be a date"),
    ("date-huge.md", b"---\ndate: " + b"9" * 100_000 + b"\n---\n" + GOOD.encode(), "date"),
    ("meta-only.md", b"---\ntitle: Only metadata\n---\n\n", "has no text"),
    ("empty.html", b"  \n", "file is empty"),
    ("binary.html", bytes(range(256)) * 8, "no article text found"),
    (
        "no-words.html",
        "<html><body><article><p>!!! ??? \U0001f600 ...</p></article></body></html>".encode(),
        "no words",
    ),
    (
        "deep.html",
        b"<html><body>" + b"<div>" * 100_000 + GOOD.encode() + b"</body></html>",
        "no article text",
    ),
]


@pytest.mark.slow
@pytest.mark.parametrize(("name", "data", "reason"), MALFORMED, ids=[m[0] for m in MALFORMED])
def test_malformed_file_gets_a_clear_error(name, data, reason):
    started = time.process_time()
    with pytest.raises(IngestError) as err:
        parse_article(data, f"seeds/{name}", "x", "." + name.rsplit(".", 1)[1])
    assert time.process_time() - started < 5
    message = str(err.value)
    assert message.startswith(f"seeds/{name}: "), message
    assert reason in message, message
    assert len(message) < 300 and "\n" not in message  # one readable line


@pytest.mark.parametrize(
    ("data", "text"),
    [
        (GOOD.encode("utf-16"), GOOD),
        (b"\xfe\xff" + GOOD.encode("utf-16-be"), GOOD),
        (GOOD.encode("utf-32"), GOOD),
        (b"\xef\xbb\xbf" + GOOD.encode(), GOOD),
        (GOOD.replace("\n", "\r\n").encode(), GOOD.replace("\n", "\r\n")),
    ],
    ids=["utf-16-le-bom", "utf-16-be-bom", "utf-32-bom", "utf-8-bom", "crlf"],
)
def test_accepted_encodings(data, text):
    assert parse_article(data, "x.txt", "x", ".txt").text == text


@pytest.mark.parametrize(
    ("meta", "expected"),
    [
        ("title: 2025", "2025"),  # a number is a fine title
        ("title: 3.5", "3.5"),
        ("title: '  spaced\n  out  '", "spaced out"),
        ("title: " + "x" * 100_000, "x" * 500),  # long values are cut, not refused
        ("title: &t Shared\nsource: *t", "Shared"),  # one alias is not a bomb
        ("unknown: [1, 2, {a: b}]\ntitle: Fine", "Fine"),  # other keys are ignored
    ],
)
def test_odd_but_harmless_front_matter_is_read(meta, expected):
    article = parse_article(f"---\n{meta}\n---\n{GOOD}".encode(), "x.md", "x", ".md")
    assert article.title == expected


@pytest.mark.parametrize(
    ("date", "expected"),
    [
        ("2024-02-29", "2024-02-29"),
        ("2025-03-04T10:00:00Z", "2025-03-04"),
        ("2025-03-04 10:00", "2025-03-04"),
    ],
)
def test_dates(date, expected):
    article = parse_article(f"---\ndate: {date}\n---\n{GOOD}".encode(), "x.md", "x", ".md")
    assert article.date == expected


PAGE = f"<html><body><article><p>{GOOD}</p><p>{GOOD}</p></article></body></html>"


@pytest.mark.parametrize(
    "doctype",
    [
        '<!DOCTYPE html [<!ENTITY x SYSTEM "file:///etc/passwd">]>',
        '<!DOCTYPE html SYSTEM "file:///etc/passwd">',
        '<!DOCTYPE html [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">'
        '<!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;"><!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;">]>',
    ],
    ids=["external-entity", "external-dtd", "entity-bomb"],
)
def test_html_entities_are_never_expanded_from_files_or_bombs(doctype):
    page = PAGE.replace("<p>", "<p>&x; &d; ", 1)
    article = parse_article((doctype + page).encode(), "x.html", "x", ".html")
    assert "root:" not in article.text and "aaaaaaaaaa" not in article.text
    assert len(article.text) < 2 * len(PAGE)


def test_a_50_mb_file_is_refused_before_it_is_read(tmp_path):
    path = tmp_path / "huge.txt"
    with path.open("wb") as handle:  # sparse: no 50 MB written to disk
        handle.truncate(50 * 1024 * 1024)
    tracemalloc.start()
    try:
        with pytest.raises(IngestError, match=r"huge\.txt: file is 52,428,800 bytes, larger than"):
            read_bytes(path)
        assert tracemalloc.get_traced_memory()[1] < 1024 * 1024
    finally:
        tracemalloc.stop()


def test_a_file_that_grows_after_the_size_check_is_still_refused(tmp_path, monkeypatch):
    path = tmp_path / "growing.txt"
    path.write_bytes(b"x" * 100)
    monkeypatch.setattr(ingest, "MAX_BYTES", 50)
    real_stat = type(path).stat

    def small_stat(self, *args, **kwargs):  # the file looked small when it was checked
        result = real_stat(self, *args, **kwargs)
        return type(result)((*result[:6], 10, *result[7:]))

    monkeypatch.setattr(type(path), "stat", small_stat)
    with pytest.raises(IngestError, match="larger than the 50-byte limit"):
        read_bytes(path)


@pytest.mark.slow
@pytest.mark.parametrize(
    "line",
    [
        "x" * 1_000_000,
        "1," * 500_000,
        "\u201ca " * 333_333,
        ("word " * 200_000),
        ("$1 " * 333_333),
        ("<a " * 333_333),
    ],
    ids=["one-token", "digits-and-commas", "quote-marks", "words", "dollars", "tags"],
)
def test_reading_a_1_mb_line_is_fast(line):
    """Reading (decode, front matter, Markdown to text) a 1 MB line stays well under a second each.

    The bounds are on this process's CPU time (not wall time), so a loaded machine does not
    make them fail; a quadratic reader takes minutes and still does."""
    started = time.process_time()
    article = parse_article(("---\ntitle: t\n---\n" + line).encode(), "x.md", "x", ".md")
    assert time.process_time() - started < 5
    assert len(article.text) >= len(line) - 1


PATHOLOGICAL_UNITS = [
    "[", "![", "](", "[a](", "<!--", "<!-- x", "**a", "*a*", "__a", "_a", "`a", "```\n", "# ",
    "> ", "- ", "1. ", "<", "&", "\\", "1", "1,", "1 ", "$1 ", "1% ", "a ", "\u201c", "-", ". ",
    "March ", "2025 ", "the next ", "Mr. ", "per ", "US$", "\u20ac1 ", "1.5 million ", "'s ",
]  # fmt: skip


@pytest.mark.slow
@pytest.mark.parametrize("unit", PATHOLOGICAL_UNITS)
def test_reading_a_long_pathological_line_is_linear(unit):
    """100,000 characters of one repeated unit: the reader's regexes must not backtrack."""
    line = "News " + unit * (100_000 // len(unit))
    started = time.process_time()
    try:
        parse_article(line.encode(), "x.md", "x", ".md")
    except IngestError:
        pass
    assert time.process_time() - started < 8, unit


def _document_patterns() -> list[tuple[str, re.Pattern]]:
    """The extractors' module-level patterns: the ones run over a whole article text."""
    found = []
    for name in (
        "actors",
        "caveats",
        "common",
        "figures",
        "quotes",
        "summary",
        "time.timeline",
        "time.timex",
    ):
        module = importlib.import_module(f"generator.extract.{name}")
        for attribute, value in vars(module).items():
            if isinstance(value, re.Pattern):
                found.append((f"{name}.{attribute}", value))
    return found


@pytest.mark.slow
@pytest.mark.parametrize("unit", PATHOLOGICAL_UNITS)
def test_extractor_patterns_do_not_backtrack_on_long_runs(unit):
    text = (unit * (40_000 // len(unit) + 1))[:40_000]
    slow = []
    for name, pattern in _document_patterns():
        started = time.process_time()
        for _ in pattern.finditer(text):
            pass
        if time.process_time() - started > 2:
            slow.append(name)
    assert slow == []


@pytest.mark.slow
def test_build_reports_every_bad_file_and_builds_the_rest(tmp_path):
    articles = {name: data for name, data, _ in MALFORMED}
    articles["good-one.txt"] = GOOD.encode()
    articles["good-two.md"] = b"---\ntitle: Second\n---\n" + GOOD.encode()
    root = make_project(tmp_path / "project", articles)
    with (root / "seeds" / "huge.txt").open("wb") as handle:
        handle.truncate(50 * 1024 * 1024)
    result = CliRunner().invoke(main, ["build", "-f", str(root / "mkdocs.yml")])
    assert result.exit_code == 1, result.output
    for name, _, reason in MALFORMED:
        line = next((x for x in result.output.splitlines() if f"/{name}: " in x), None)
        assert line is not None and reason in line, (name, result.output[-3000:])
    assert "huge.txt: file is 52,428,800 bytes" in result.output
    built = sorted(p.parent.name for p in (root / "site" / "articles").glob("*/report.json"))
    assert built == ["good-one", "good-two"]
    assert (root / "site" / "index.html").is_file()


@pytest.mark.slow
def test_an_article_that_breaks_keeps_its_last_good_report(tmp_path):
    root = make_project(tmp_path / "project", {"story.md": GOOD, "other.txt": GOOD})
    runner = CliRunner()
    assert runner.invoke(main, ["build", "-f", str(root / "mkdocs.yml")]).exit_code == 0
    (root / "seeds" / "story.md").write_bytes(b"---\ntitle: [broken\n---\n" + GOOD.encode())
    result = runner.invoke(main, ["build", "-f", str(root / "mkdocs.yml")])
    assert result.exit_code == 1
    assert "story.md: front matter is not valid YAML" in result.output
    assert "keeping the report from its last good version" in result.output
    report = json.loads((root / "site" / "articles" / "story" / "report.json").read_text("utf-8"))
    assert report["article"]["text"] == GOOD
