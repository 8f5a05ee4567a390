"""Build a git ref's site in a temporary worktree, with this checkout's environment.

The ref is checked out (detached) with ``git worktree add`` into a temporary folder, which is
removed afterwards; ``node_modules`` is linked from this checkout, and the ref's own library
comes first on ``PYTHONPATH`` (ahead of an editable install of another checkout's), as this
checkout's does when it is built. The build is
``mkdocs build --strict``, both languages, as the test session builds it.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


class BuildError(RuntimeError):
    """A site could not be built (the message says which and why)."""


def git(*args: str, cwd: Path = ROOT) -> str:
    """Run git in ``cwd``; its stdout (a failure raises `BuildError` with git's message)."""
    done = subprocess.run(["git", *args], cwd=cwd, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise BuildError(f"git {' '.join(args)}: {done.stderr.strip()}")
    return done.stdout.strip()


def default_base() -> str:
    """``origin/main`` when there is such a remote branch, else ``main``."""
    refs = git("for-each-ref", "--format=%(refname:short)", "refs/remotes/origin/main")
    return "origin/main" if refs else "main"


def build(tree: Path, site: Path) -> Path:
    """``mkdocs build --strict`` of the checkout at ``tree`` into ``site``."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "LLMSIZE_BUILD_ZH": "true"}
    # The tree's own library, ahead of whichever checkout the environment has installed.
    env["PYTHONPATH"] = os.pathsep.join(p for p in [str(tree / "src"), env.get("PYTHONPATH")] if p)
    if tree != ROOT:
        env.pop("LLMSIZE_REQUIRE_RUNTIME", None)  # the base's calculator runtime is not compared
    cmd = [sys.executable, "-m", "mkdocs", "build", "--strict", "--clean", "-d", str(site)]
    done = subprocess.run(cmd, cwd=tree, capture_output=True, text=True, env=env, check=False)
    if done.returncode != 0:
        raise BuildError(f"the site of {tree} did not build:\n{done.stderr[-3000:]}")
    return site


@contextmanager
def ref_site(ref: str) -> Iterator[Path]:
    """The built site of git ``ref`` (a temporary folder, removed on exit)."""
    commit = git("rev-parse", "--verify", f"{ref}^{{commit}}")
    with tempfile.TemporaryDirectory(prefix="llmsize-figures-") as tmp:
        tree = Path(tmp) / "tree"
        git("worktree", "add", "--detach", "--quiet", str(tree), commit)
        try:
            if (ROOT / "node_modules").is_dir() and not (tree / "node_modules").exists():
                (tree / "node_modules").symlink_to(ROOT / "node_modules")
            yield build(tree, Path(tmp) / "site")
        finally:
            git("worktree", "remove", "--force", str(tree))
