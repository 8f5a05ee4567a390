"""Count each oracle case with transformers' own model built on the meta device.

Usage: ``python scripts/oracle.py [--write]``. Prints ``case total`` lines; with ``--write`` it
rewrites ``src/llmsize_oracle/figures.json``, the recorded figures the fast tests and the site
compare against (and, under ``vision``, each vision-language case's parameters outside its
language model). Needs ``torch`` and ``transformers`` (``pip install -e '.[oracle]'``).
"""

from __future__ import annotations

import json
import sys

from llmsize_oracle import FIGURES_FILE, all_cases
from llmsize_oracle.cases_vlm import VLM
from llmsize_oracle.meta import transformers_count, transformers_vision


def main() -> None:
    import transformers

    figures = {name: transformers_count(config) for name, config in all_cases().items()}
    for name, total in figures.items():
        print(f"{name:28} {total:>18,}")
    if "--write" in sys.argv:
        vision = {name: transformers_vision(config) for name, config in VLM.items()}
        record = {"transformers": transformers.__version__, "figures": figures, "vision": vision}
        FIGURES_FILE.write_text(json.dumps(record, indent=2) + "\n", encoding="utf-8")
        print(f"wrote {FIGURES_FILE}")


if __name__ == "__main__":
    main()
