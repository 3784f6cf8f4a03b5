from pathlib import Path

import pytest

from generator.ingest.files import (
    IngestError,
    discover,
    markdown_to_text,
    parse_article,
    read_article,
    unique_ids,
)
from generator.slugs import slug


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("000_cd5647c306864531", "000-cd5647c306864531"),
        ("Größte Krise: Éte 2025!", "grosste-krise-ete-2025"),
        ("../../etc/passwd", "etc-passwd"),
    ],
)
def test_slugify_makes_safe_ids(name, expected):
    assert slug(name) == expected


def test_slugify_never_returns_empty_or_reserved():
    assert slug("???").startswith("article-")
    assert slug("con").startswith("con-")
    assert slug("index") != "index"


def test_colliding_stems_get_distinct_ids(tmp_path):
    a, b = tmp_path / "A story.txt", tmp_path / "a-story.md"
    ids = unique_ids([a, b])
    assert ids[a] != ids[b]
    assert ids[a].startswith("a-story-") and ids[b].startswith("a-story-")


def test_txt_is_verbatim():
    text = "Line one *not markup*.\n\n# not a heading either\n"
    article = parse_article(text.encode(), "x.txt", "x", ".txt")
    assert article.text == text
    assert article.title is None and article.date is None and article.date_source == "none"


def test_front_matter_metadata():
    data = b"---\ntitle: A headline\ndate: 2025-12-05\nsource: The Outlet\nurl: https://example.org/a\nauthor: Ann Smith\n---\nBody text here.\n"
    article = parse_article(data, "x.md", "x", ".md")
    assert (article.title, article.date, article.date_source) == (
        "A headline",
        "2025-12-05",
        "metadata",
    )
    assert (article.source, article.url, article.author) == (
        "The Outlet",
        "https://example.org/a",
        "Ann Smith",
    )
    assert article.text == "Body text here.\n"


def test_cli_date_overrides_metadata():
    article = parse_article(
        b"---\ndate: 2025-01-01\n---\nText.", "x.md", "x", ".md", date="2024-02-29"
    )
    assert (article.date, article.date_source) == ("2024-02-29", "cli")


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"", "file is empty"),
        (b"   \n\n", "file is empty"),
        (b"\x00\x01\x02binary", "binary file"),
        ("caf\u00e9".encode("latin-1"), "not valid UTF-8"),
        (b"---\ntitle: [unclosed\n---\nText", "not valid YAML"),
        (b"---\ntitle: x\nText without end", "no closing '---'"),
        (b"---\n- a\n- b\n---\nText", "must be a mapping"),
        (b"---\ntitle: {a: 1}\n---\nText", "'title' must be text"),
        (b"---\ndate: 2025-02-30\n---\nText", "not a real calendar date"),
        (b"---\ndate: next tuesday\n---\nText", "not a YYYY-MM-DD date"),
        (b"---\ntitle: Only metadata\n---\n\n", "has no text"),
    ],
)
def test_bad_input_names_the_file(data, reason):
    with pytest.raises(IngestError) as err:
        parse_article(data, "seeds/bad.md", "bad", ".md")
    assert str(err.value).startswith("seeds/bad.md: ")
    assert reason in str(err.value)


def test_utf16_with_bom_is_read():
    article = parse_article("Hello world.".encode("utf-16"), "x.txt", "x", ".txt")
    assert article.text == "Hello world."


@pytest.mark.parametrize(
    ("body", "title", "text"),
    [
        ("# The headline\n\nFirst paragraph.\n", "The headline", "First paragraph."),
        ("Some **bold** and *em* and _under_ text.", None, "Some bold and em and under text."),
        ("A [link](https://example.org) and ![img](a.png) here.", None, "A link and img here."),
        ("> quoted line\n> second\n", None, "quoted line\nsecond\n"),
        ("Intro.\n\n## Section\n\nMore.", None, "Intro.\n\nSection\n\nMore."),
        ("``Hello,'' he said. ``Bye.''", None, "``Hello,'' he said. ``Bye.''"),
        (
            "#hashtag is not a heading\n- a dash line\n1. a numbered line",
            None,
            "#hashtag is not a heading\n- a dash line\n1. a numbered line",
        ),
        ("snake_case_word and 2*3*4 stay", None, "snake_case_word and 2*3*4 stay"),
        ("AT&T and <b>tags</b> stay as text", None, "AT&T and <b>tags</b> stay as text"),
        ("Line\n\n- - - -\n\nNext", None, "Line\n\n- - - -\n\nNext"),
    ],
)
def test_markdown_to_text(body, title, text):
    assert markdown_to_text(body) == (title, text)


def test_discover_and_read(tmp_path: Path):
    (tmp_path / "a.txt").write_text("Alpha.", "utf-8")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "b.md").write_text("Beta.", "utf-8")
    (tmp_path / ".hidden.txt").write_text("x", "utf-8")
    (tmp_path / "notes.csv").write_text("x", "utf-8")
    found = discover([tmp_path])
    assert [p.name for p in found] == ["a.txt", "b.md"]
    assert read_article(found[1]).text == "Beta."


def test_oversized_file_is_refused(tmp_path, monkeypatch):
    import generator.ingest.files as ingest

    monkeypatch.setattr(ingest, "MAX_BYTES", 10)
    path = tmp_path / "big.txt"
    path.write_text("x" * 11, "utf-8")
    with pytest.raises(IngestError, match="big.txt: file is 11 bytes"):
        read_article(path)


@pytest.mark.parametrize(
    ("data", "text"),
    [
        (b"ab\r>", "ab\r>"),  # a lone carriage return: markdown-it breaks the line there, we do not
        (b"Hi \x01\r= there", "Hi \x01\r= there"),
        (b"# Title\r\n\r\nBody **bold**\r\n", "Body bold"),
    ],
)
def test_carriage_returns_in_markdown(data, text):
    assert parse_article(data, "x.md", "x", ".md").text == text
