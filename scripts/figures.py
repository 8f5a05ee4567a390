"""The figures on the site: an inventory, and what a change does to them (issue 14).

    python scripts/figures.py inventory SITE_DIR          # figures.json of a built site
    python scripts/figures.py diff [BASE_REF]             # this tree's figures against BASE_REF's
    python scripts/figures.py text SITE_DIR OUT_DIR       # each page's visible text, to diff -r

``inventory`` prints every figure a reader sees on the built site (prose, tables, chart labels,
both languages), grouped by what printed it (a macro call or a snippet fence id), as
deterministic JSON (see scripts/figurelib/inventory.py).

``diff`` builds BASE_REF's site (default ``origin/main``, or ``main`` without that remote
branch) in a temporary git worktree, builds this working tree's site too (or reads ``--new``:
a built site or a figures.json), and prints what changed, per page and language: added, removed
and changed figures (old → new), with a count at the top; "no figure changed" when none did.
``--base`` reads the base side from a site or a figures.json instead of building it. The exit
status is 0 whatever changed, 1 when an inventory cannot be built.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

from figurelib import build, compare, inventory, text


def _side(path: str | None, ref: str | None) -> tuple[dict[str, object], str]:
    """An inventory: from ``path`` (site or JSON), else built from ``ref`` or this tree."""
    if path:
        return inventory.load(Path(path)), path
    if ref:
        with build.ref_site(ref) as site:
            commit = build.git("rev-parse", "--short", ref)
            return inventory.inventory(site), f"{ref} ({commit})"
    with tempfile.TemporaryDirectory(prefix="llmsize-figures-") as tmp:
        return inventory.inventory(build.build(build.ROOT, Path(tmp))), "this working tree"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="figures.py", description=__doc__.split("\n\n")[0])
    sub = parser.add_subparsers(dest="command", required=True)
    inv = sub.add_parser("inventory", help="print the figures.json of a built site")
    inv.add_argument("site", type=Path)
    inv.add_argument("-o", "--output", type=Path, help="write it here instead of stdout")
    inv.add_argument("--time", action="store_true", help="print the time taken to stderr")
    diff = sub.add_parser("diff", help="the figures a change moved, against BASE_REF")
    diff.add_argument("base_ref", nargs="?", help="default: origin/main, or main")
    diff.add_argument("--base", help="the base side: a built site or a figures.json")
    diff.add_argument("--new", help="the new side: a built site or a figures.json")
    txt = sub.add_parser("text", help="write each page's visible text, to compare two builds")
    txt.add_argument("site", type=Path)
    txt.add_argument("out", type=Path)
    args = parser.parse_args(argv)
    try:
        if args.command == "inventory":
            start = time.perf_counter()
            out = inventory.dumps(inventory.inventory(args.site))
            if args.output:
                args.output.write_text(out, encoding="utf-8")
            else:
                sys.stdout.write(out)
            if args.time:
                print(f"inventory: {time.perf_counter() - start:.2f} s", file=sys.stderr)
        elif args.command == "diff":
            ref = None if args.base else args.base_ref or build.default_base()
            old, old_name = _side(args.base, ref)
            new, new_name = _side(args.new, None)
            title = f"Figures on the site: {old_name} → {new_name}"
            sys.stdout.write(compare.render(compare.compare(old, new), title))
        else:
            print(text.dump(args.site, args.out), "pages")
    except (build.BuildError, OSError, ValueError) as error:
        print(f"figures.py: {error}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
