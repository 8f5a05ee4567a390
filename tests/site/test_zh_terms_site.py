"""The built Chinese site uses the Glossary's terms, snippet output and charts included.

tests/docs/test_zh_terms.py checks the Chinese pages' prose; this test reads what a reader
sees on each built page under ``zh/`` (code and the Glossary's own list of rejected variants
left out) and fails on any rejected variant, page by page.
"""

from __future__ import annotations

from pathlib import Path

from tests.docs.zh_terms import find, variants, visible_text


def test_built_zh_site_uses_the_glossary_terms(site: Path) -> None:
    checks = variants()
    report = []
    for page in sorted((site / "zh").rglob("index.html")):
        name = page.relative_to(site).as_posix()
        for hit in find(visible_text(page.read_text(encoding="utf-8")), checks):
            report.append(f"{name}: {hit}")
    assert not report, "rejected Chinese terms on the built site:\n" + "\n".join(report)
