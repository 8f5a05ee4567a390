"""The inventory of the site's figures and the diff a pull request shows (issue 14).

Reads the session's strict build (``site``), and builds the site once more, in a scratch
worktree: a copy of this tree after a deliberate library change that moves one figure,
DeepSeek-V3's exact total, wherever the site shows it. The diff against the session's build must
name exactly those figures, in both languages, and nothing else: so two builds of the same tree
give the same figures everywhere else. The command a contributor runs (``diff``) compares the
session's build with itself as "no figure changed".
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from scripts.figurelib import build, compare, inventory

ROOT = Path(__file__).resolve().parents[2]
SCRIPT = [sys.executable, str(ROOT / "scripts" / "figures.py")]
TOTAL = "671,026,404,352"  # DeepSeek-V3's total, as the site must show it
MOVED = "671,026,404,353"
# The deliberate change: llmsize.fmt.exact shows DeepSeek-V3's total one higher.
FMT = "src/llmsize/_fmtcore.py"
BEFORE = (
    '    return render(check_int("n", n, minimum=None), 0, trim=True, group=True, signed=signed)'
)
AFTER = f"    n = n + 1 if n == {TOTAL.replace(',', '_')} else n\n{BEFORE}"


def _records(inv: dict[str, Any]) -> Iterator[tuple[str, str, str, dict[str, str]]]:
    for page, langs in inv["pages"].items():
        for lang, data in langs.items():
            for source, figures in data["sources"].items():
                for f in figures:
                    yield page, lang, source, f


@pytest.fixture(scope="module")
def current(site: Path) -> dict[str, Any]:
    return inventory.inventory(site)


def test_deepseek_v3_total_on_its_page_in_both_languages(current: dict[str, Any]) -> None:
    found = {
        (lang, source)
        for page, lang, source, f in _records(current)
        if page == "deepseek-v3/" and f["figure"] == TOTAL
    }
    for lang in ("en", "zh"):
        assert (lang, "macro:exact(deepseek-v3, total)") in found, found
        assert (lang, "fence:deepseek-v3-breakdown") in found, found
    titles = [current["pages"]["deepseek-v3/"][lang]["title"] for lang in ("en", "zh")]
    assert titles == ["How 671B is reached", "6710亿参数从何而来"]


def test_figures_are_placed(current: dict[str, Any]) -> None:
    kinds = {f["kind"] for *_, f in _records(current)}
    assert kinds >= {"text", "table", "chart", "output"}, kinds
    breakdown = current["pages"]["deepseek-v3/"]["en"]["sources"]["fence:deepseek-v3-breakdown"]
    total = [f for f in breakdown if f["figure"] == TOTAL]
    assert total and total[0]["anchor"] == "breakdown" and total[0]["kind"] == "table"
    assert total[0]["column"] and total[0]["row"]


def test_the_command_prints_the_same_json_every_time(site: Path, current: dict[str, Any]) -> None:
    start = time.perf_counter()
    first = subprocess.run([*SCRIPT, "inventory", str(site)], capture_output=True, text=True)
    seconds = time.perf_counter() - start
    print(f"\ninventory of the site: {seconds:.2f} s")
    again = subprocess.run([*SCRIPT, "inventory", str(site)], capture_output=True, text=True)
    assert first.returncode == 0, first.stderr
    assert first.stdout == again.stdout == inventory.dumps(current)
    assert json.loads(first.stdout)["figures"] == sum(1 for _ in _records(current))
    assert seconds < 10


def _mirror(tree: Path) -> None:
    """Make the worktree ``tree`` (at HEAD) what this working tree is: its uncommitted changes
    applied and its untracked files copied, so that it builds the site the session built."""
    patch = subprocess.run(
        ["git", "diff", "HEAD", "--binary"], cwd=ROOT, capture_output=True, check=True
    ).stdout
    if patch:
        subprocess.run(["git", "apply"], cwd=tree, input=patch, check=True, capture_output=True)
    others = build.git("ls-files", "--others", "--exclude-standard", "-z").split("\0")
    for rel in filter(None, others):
        (tree / rel).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(ROOT / rel, tree / rel)


@pytest.fixture(scope="module")
def after() -> Iterator[dict[str, Any]]:
    """The inventory of a snapshot of this tree with the deliberate change (this tree is never
    touched, and edits made to it while the tests run do not reach the snapshot)."""
    with tempfile.TemporaryDirectory(prefix="llmsize-scratch-") as tmp:
        tree = Path(tmp) / "tree"
        build.git("worktree", "add", "--detach", "--quiet", str(tree), "HEAD")
        try:
            _mirror(tree)
            if (ROOT / "node_modules").is_dir():
                (tree / "node_modules").symlink_to(ROOT / "node_modules")
            fmt = tree / FMT
            text = fmt.read_text(encoding="utf-8")
            assert text.count(BEFORE) == 1, "the deliberate change no longer applies"
            fmt.write_text(text.replace(BEFORE, AFTER), encoding="utf-8")
            yield inventory.inventory(build.build(tree, Path(tmp) / "after"))
        finally:
            build.git("worktree", "remove", "--force", str(tree))


def test_a_library_change_names_exactly_the_figures_it_moved(
    current: dict[str, Any], after: dict[str, Any]
) -> None:
    before = current
    expected = sorted(
        (page, lang, f["anchor"]) for page, lang, _, f in _records(before) if f["figure"] == TOTAL
    )
    changes = compare.compare(before, after)
    assert all((c.what, c.old, c.new) == ("changed", TOTAL, MOVED) for c in changes), changes
    assert sorted((c.page, c.lang, c.anchor) for c in changes) == expected
    assert {c.lang for c in changes} == {"en", "zh"}
    shown = compare.render(changes)
    assert shown.startswith(f"{len(expected)} figures differ: {len(expected)} changed\n")
    assert f"{TOTAL} → {MOVED}" in shown


def test_an_unchanged_site_gives_an_empty_diff(site: Path) -> None:
    # The command as a contributor runs it, on two builds of the same tree: the session's, twice
    # (that a second build of this tree moves no figure is the library-change test's "nothing
    # else" above).
    done = subprocess.run(
        [*SCRIPT, "diff", "--base", str(site), "--new", str(site)],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.endswith(f"\n{compare.NO_CHANGE}\n"), done.stdout[-2000:]


def test_the_default_base_is_origin_main_or_main() -> None:
    assert build.default_base() in ("origin/main", "main")
