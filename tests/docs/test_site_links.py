"""The built site's link and anchor check (site_links.py), on small hand-made sites.

CI runs the check on the real site after the test session built it (.ci/run); these tests show
what it catches and what it leaves alone.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from .site_links import SITE_URL, broken_links, main

PAGE = '<html><body><h2 id="{id}">x</h2><a name="old-{id}"></a>{links}</body></html>'


def make_site(root: Path, links: str) -> Path:
    """A two-language site whose home page holds ``links``; every page has one id."""
    pages = {
        "index.html": ("home", links),
        "memory/index.html": ("kv-cache", ""),
        "zh/index.html": ("home", ""),
        "zh/memory/index.html": ("kv-cache", ""),
    }
    for name, (anchor, body) in pages.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(PAGE.format(id=anchor, links=body), "utf-8")
    (root / "assets").mkdir()
    (root / "assets" / "app.js").write_text("", "utf-8")
    return root


@pytest.mark.parametrize(
    ("link", "followed"),
    [
        ('<a href="memory/">page</a>', 1),
        ('<a href="memory/#kv-cache">anchor</a>', 1),
        ('<a href="memory/index.html#old-kv-cache">an a name</a>', 1),
        ('<a href="#home">same page</a>', 1),
        ('<a href="#">top</a>', 1),
        ('<a href="/llmsize/zh/memory/#kv-cache">site-rooted</a>', 1),
        (f'<a href="{SITE_URL}zh/#home">the site by its full URL</a>', 1),
        ('<script src="assets/app.js?v=1"></script>', 1),
        ('<a href="https://example.com/nowhere#x">external</a>', 0),
        ('<a href="mailto:someone@example.com">mail</a>', 0),
        ('<img src="data:image/png;base64,AAAA">', 0),
    ],
)
def test_good_links_pass_and_external_ones_are_not_followed(
    tmp_path: Path, link: str, followed: int
) -> None:
    assert broken_links(make_site(tmp_path, link)) == ([], followed)


@pytest.mark.parametrize(
    ("link", "message"),
    [
        ('<a href="compute/">no page</a>', "leads to no file"),
        ('<a href="memory/#no-such-anchor">bad anchor</a>', "no id 'no-such-anchor'"),
        ('<a href="#nowhere">same page</a>', "no id 'nowhere' in index.html"),
        ('<a href="/zh/memory/">outside site_url\'s path</a>', "leads to no file"),
        (f'<a href="{SITE_URL}zh/memory/#gone">full URL</a>', "no id 'gone'"),
        ('<script src="assets/missing.js"></script>', "src='assets/missing.js'"),
        ('<a href="zh/memory/#Kv-Cache">case matters</a>', "no id 'Kv-Cache'"),
    ],
)
def test_broken_links_and_anchors_are_reported(tmp_path: Path, link: str, message: str) -> None:
    problems, _ = broken_links(make_site(tmp_path, link))
    assert len(problems) == 1
    assert message in problems[0]
    assert problems[0].startswith("index.html: ")


def test_main_exits_1_on_a_broken_link(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main([str(make_site(tmp_path, '<a href="memory/#nope">x</a>'))]) == 1
    assert "1 broken" in capsys.readouterr().out


def test_main_fails_on_a_site_without_links(tmp_path: Path) -> None:
    assert main([str(make_site(tmp_path, ""))]) == 1
    assert main([str(tmp_path / "missing")]) == 2
