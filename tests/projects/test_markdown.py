"""Markdown that members write (project descriptions, updates) renders to HTML that cannot run or style anything."""

from html.parser import HTMLParser

import pytest
from django.utils.safestring import SafeString

from projects.markdown import render_markdown


def elements(html):
    """Every start tag in the HTML with its attributes, in order."""
    found = []

    class Collector(HTMLParser):
        def handle_starttag(self, tag, attrs):
            found.append((tag, attrs))

    Collector().feed(str(html))
    return found


def test_markdown_renders_emphasis_lists_tables_and_code():
    html = render_markdown(
        "We pilot **sensors** in *Tartu*:\n\n- one\n- two\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n`x < y`"
    )

    assert "<strong>sensors</strong>" in html
    assert "<em>Tartu</em>" in html
    assert "<ul>\n<li>one</li>" in html
    assert "<td>1</td>" in html
    assert "<code>x &lt; y</code>" in html


def test_result_is_marked_safe_for_templates():
    assert isinstance(render_markdown("text"), SafeString)


@pytest.mark.parametrize("empty", [None, ""])
def test_no_text_renders_nothing(empty):
    assert render_markdown(empty) == ""


def test_script_tags_are_shown_as_text_not_run():
    html = render_markdown("Hello <script>alert('x')</script> world")

    assert "<script" not in html
    assert "&lt;script&gt;" in html


@pytest.mark.parametrize(
    "text",
    [
        "[click](javascript:alert(1))",
        "[click](JAVASCRIPT:alert(1))",
        "[click](java&#115;cript:alert(1))",
        "<javascript:alert(1)>",
        "[click][evil]\n\n[evil]: javascript:alert(1)",
        "[click](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
        '<a href="javascript:alert(1)">click</a>',
    ],
)
def test_javascript_and_data_links_never_become_links(text):
    html = render_markdown(text)

    assert "a" not in [tag for tag, _attributes in elements(html)]


@pytest.mark.parametrize(
    "text",
    [
        '<img src="x.png" onerror="alert(1)">',
        '<p onclick="alert(1)">hi</p>',
        'a <b onmouseover="alert(1)">b</b>',
        '<a href="https://example.com" onclick="alert(1)">link</a>',
        '[link](https://example.com" onclick="alert(1))',
    ],
)
def test_inline_event_handlers_never_reach_a_tag(text):
    html = render_markdown(text)

    assert not [name for _tag, attributes in elements(html) for name, _value in attributes if name.startswith("on")]
    assert "onclick" in html or "onerror" in html or "onmouseover" in html  # kept as visible text


@pytest.mark.parametrize(
    "text",
    [
        '<div style="position:fixed;inset:0">cover</div>',
        '<span style="color:red">red</span>',
        "<style>body{display:none}</style>",
        "<iframe src='https://example.com'></iframe>",
        "<form action='https://example.com'><input name=x></form>",
        "<script>alert(1)</script>",
    ],
)
def test_raw_html_and_style_attributes_are_not_rendered(text):
    html = render_markdown(text)

    assert [tag for tag, _attributes in elements(html)] == ["p"]
    assert "&lt;" in html  # what was typed stays readable as text


def test_images_are_removed():
    assert "<img" not in render_markdown("![tracker](https://example.com/pixel.png)")


def test_headings_sit_below_the_page_title_and_its_sections_keeping_their_order():
    html = render_markdown("# Our plan\n\n## Work packages\n\n### Pilot\n\n###### Detail")

    assert "<h1" not in html and "<h2" not in html
    assert "<h3>Our plan</h3>" in html
    assert "<h4>Work packages</h4>" in html
    assert "<h4>Pilot</h4>" in html
    assert "<h4>Detail</h4>" in html


def test_links_get_rel_nofollow_and_keep_title():
    html = render_markdown('[ESCC](https://example.com/escc "Cluster") and <https://example.com/x>')

    assert '<a href="https://example.com/escc" title="Cluster" rel="nofollow noopener noreferrer">ESCC</a>' in html
    assert '<a href="https://example.com/x" rel="nofollow noopener noreferrer">' in html


def test_mailto_links_are_kept():
    assert 'href="mailto:info@escc.example"' in render_markdown("[write](mailto:info@escc.example)")
