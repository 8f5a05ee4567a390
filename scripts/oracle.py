"""Count each oracle case with transformers' own model built on the meta device.

Usage: ``python scripts/oracle.py [--write]``. Prints ``case total`` lines; with ``--write`` it
rewrites ``tests/oracle/figures.json``, the recorded figures the fast tests compare against.
Needs ``torch`` and ``transformers`` (``pip install torch==2.13.0 transformers``).
"""

from __future__ import annotations

import json
import sys
import warnings
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.oracle.cases import all_cases  # noqa: E402

FIGURES = ROOT / "tests" / "oracle" / "figures.json"


def transformers_count(config: dict) -> int:
    """``sum(p.numel() for p in model.parameters())`` of transformers' model on the meta device."""
    import torch
    import transformers

    transformers.logging.set_verbosity_error()
    # Token ids do not change the count; clear them so tiny vocabularies stay valid.
    ids = {"pad_token_id": None, "bos_token_id": None, "eos_token_id": None}
    cfg = transformers.AutoConfig.for_model(**{**ids, **config})
    auto = (
        transformers.AutoModel
        if config["model_type"] == "bert"
        else (transformers.AutoModelForCausalLM)
    )
    with warnings.catch_warnings(), torch.device("meta"):
        warnings.simplefilter("ignore")
        model = auto.from_config(cfg)
    return sum(p.numel() for p in model.parameters())


def main() -> None:
    import transformers

    figures = {name: transformers_count(config) for name, config in all_cases().items()}
    for name, total in figures.items():
        print(f"{name:28} {total:>18,}")
    if "--write" in sys.argv:
        record = {"transformers": transformers.__version__, "figures": figures}
        FIGURES.write_text(json.dumps(record, indent=2) + "\n", encoding="utf-8")
        print(f"wrote {FIGURES.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
