"""A snippet that fails, fails the site build: markdown-exec only warns, strict mode fails.

Each case builds a one-page site with a minimal config (no i18n, no mkdocstrings, the plain
mkdocs theme) in a temporary folder, so the check stays fast. Like the site's mkdocs.yml, the
config sets ``strict: true`` itself; no ``--strict`` flag is passed.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

CONFIG = """\
site_name: strict-check
strict: {strict}
theme: mkdocs
plugins:
  - markdown-exec
markdown_extensions:
  - pymdownx.superfences
  - pymdownx.snippets:
      base_path: [snippets]
      check_paths: true
"""

PAGE = """\
# Check

```python exec="1" id="check"
{code}
```
"""

PYTEST_FENCES = ["--markdown-docs", "-W", "error", "docs/index.md"]
BAD_SPEC = "import llmsize\nllmsize.Spec('x', 0, 1, 1, 1, 1, 1, 1)\n"


def build(
    tmp_path: Path, code: str, snippets: dict[str, str] | None = None, *, strict: bool = True
) -> subprocess.CompletedProcess[str]:
    """Build a one-page site whose page runs ``code``; ``snippets`` are includable files."""
    (tmp_path / "mkdocs.yml").write_text(CONFIG.format(strict=str(strict).lower()), "utf-8")
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "index.md").write_text(PAGE.format(code=code), "utf-8")
    (tmp_path / "snippets").mkdir()
    for name, text in (snippets or {}).items():
        (tmp_path / "snippets" / name).write_text(text, "utf-8")
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--site-dir", str(tmp_path / "site")],
        cwd=tmp_path,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_a_working_snippet_builds(tmp_path: Path) -> None:
    result = build(
        tmp_path,
        '--8<-- "ok.py"\nprint(answer())',
        {"ok.py": "def answer():\n    return '**ok**'\n"},
    )
    assert result.returncode == 0, result.stderr
    assert "<strong>ok</strong>" in (tmp_path / "site" / "index.html").read_text("utf-8")


@pytest.mark.parametrize(
    ("code", "snippets", "message"),
    [
        ('raise ValueError("boom")', None, "ValueError: boom"),
        ("assert 1 + 1 == 3", None, "AssertionError"),
        ('--8<-- "bad.py"', {"bad.py": BAD_SPEC}, "LLMSizeError"),
        ('--8<-- "missing.py"', None, "could not be found"),
    ],
    ids=["raises", "failing-assert", "library-error", "missing-include"],
)
def test_a_failing_snippet_fails_the_build(
    tmp_path: Path, code: str, snippets: dict[str, str] | None, message: str
) -> None:
    result = build(tmp_path, code, snippets)
    assert result.returncode != 0, "the strict build passed a failing snippet"
    assert message in result.stderr


def test_without_strict_a_raising_snippet_only_warns(tmp_path: Path) -> None:
    # Why every build that counts is strict: otherwise the traceback lands in the page.
    result = build(tmp_path, 'raise ValueError("boom")', strict=False)
    assert result.returncode == 0, result.stderr
    assert "WARNING" in result.stderr
    assert "ValueError" in (tmp_path / "site" / "index.html").read_text("utf-8")


def test_a_warning_passes_the_strict_build_but_fails_the_fence_tests(tmp_path: Path) -> None:
    # Why pytest runs every page's fences although the strict build runs them too: a snippet
    # that warns (a deprecation, a float overflow) builds fine, strict or not; pytest, with
    # warnings as errors (pyproject.toml), fails it and names the page and fence.
    code = 'import warnings\nwarnings.warn("old API", DeprecationWarning)\nprint("ok")'
    assert build(tmp_path, code).returncode == 0
    tests = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", *PYTEST_FENCES],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert tests.returncode == 1, tests.stdout
    assert "DeprecationWarning: old API" in tests.stdout
