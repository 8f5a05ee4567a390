"""Run the site's executed snippets under pytest, in both languages.

``pytest --markdown-docs docs/`` collects every ``python`` fence of every page (``*.md`` and
``*.zh.md``). Pages include their code with pymdownx.snippets (``--8<-- "home/figures.py"``),
which pytest-markdown-docs does not expand; the hook below expands those lines inside each fence
from ``docs/snippets``, as the site build does, so pytest runs exactly what the build runs.
"""

from __future__ import annotations

import builtins
import io
import re
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from markdown_it import MarkdownIt
    from markdown_it.rules_core import StateCore

SNIPPETS = Path(__file__).parent / "docs" / "snippets"
INCLUDE = re.compile(r"""^(?P<indent>[ \t]*)--8<--[ \t]+(?P<q>["'])(?P<path>[^"']+)(?P=q)[ \t]*$""")

# Snippet sources are run from the pages that include them, not collected on their own
# (a broken snippet is then reported at the page's fence); the macros module is not a test.
collect_ignore = ["docs/snippets", "docs/macros.py"]


def expand_includes(text: str, base: Path = SNIPPETS, _seen: tuple[Path, ...] = ()) -> str:
    """Replace each ``--8<-- "file"`` line of ``text`` by that file from ``base``, recursively.

    Raises:
        FileNotFoundError: If an included file does not exist (the build's ``check_paths``).
        RecursionError: If a file includes itself.
    """
    out = []
    for line in text.splitlines(keepends=True):
        m = INCLUDE.match(line.rstrip("\r\n"))
        if m is None:
            out.append(line)
            continue
        path = (base / m["path"]).resolve()
        if path in _seen:
            raise RecursionError(f"snippet {m['path']} includes itself")
        if not path.is_file():
            raise FileNotFoundError(f"snippet {m['path']} not found in {base}")
        body = expand_includes(path.read_text(encoding="utf-8"), base, (*_seen, path))
        if not body.endswith("\n"):
            body += "\n"
        out.append("".join(m["indent"] + b for b in body.splitlines(keepends=True)))
    return "".join(out)


def _expand_fences(state: StateCore) -> None:
    for token in state.tokens:
        if token.type == "fence" and "--8<--" in token.content:
            token.content = expand_includes(token.content)


def pytest_markdown_docs_markdown_it() -> MarkdownIt:
    """The plugin's parser (CommonMark) with snippet includes expanded inside fences."""
    from markdown_it import MarkdownIt

    md = MarkdownIt("commonmark")
    md.core.ruler.after("block", "snippet_includes", _expand_fences)
    return md


def pytest_markdown_docs_globals() -> dict[str, Any]:
    """Send what the fences print nowhere.

    A fence prints the Markdown of its table for the page; the plugin turns output capture off,
    so under pytest those tables would flood the terminal. The output is still produced (every
    figure is formatted); what it looks like is the strict build's business.
    """
    sink = io.StringIO()

    def quiet_print(*args: Any, file: Any = None, **kwargs: Any) -> None:
        builtins.print(*args, file=sink if file is None else file, **kwargs)

    return {"print": quiet_print}
