"""llmsize: exact parameter, byte, vector and FLOP counts for transformer language models."""

from llmsize.count import Counts, Part, breakdown, counts
from llmsize.errors import LLMSizeError
from llmsize.spec import MLA, MoE, Spec

__all__ = ["MLA", "Counts", "LLMSizeError", "MoE", "Part", "Spec", "breakdown", "counts"]
__version__ = "0.1.0"
