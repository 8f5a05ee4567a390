"""The calculator's GPU picker in a browser: DeepSeek-V3 in fp8 on 8 x H200 fits, and the
longest context it shows is the planner's (`llmsize.capacity.max_context`)."""

from __future__ import annotations

from typing import Any

from llmsize import fmt, presets
from llmsize.calculator import calculate
from llmsize.capacity import max_context
from tests.site.conftest import Visit, third_party
from tests.site.test_calculator import cell


def test_deepseek_v3_fits_8_h200(page: tuple[Any, Visit], base_url: str) -> None:
    tab, visit = page
    tab.goto(base_url + "calculator/", wait_until="networkidle")
    tab.select_option("#calc-dtype", "fp8_block128")
    tab.select_option("#calc-gpu", "h200")
    tab.fill("#calc-gpus", "8")
    tab.click("#calc-run")
    tab.locator("#calc-fit-box").wait_for(state="visible", timeout=120_000)
    out = calculate("deepseek-v3", None, "fp8_block128", "bf16", 4096, 1, "en", "h200", 8)
    fit = out["fit"]
    assert fit["fits"] is True
    assert tab.locator("#calc-fit-title").inner_text() == fit["title"]
    assert "Fits" in fit["title"]
    longest = max_context(presets.load("deepseek-v3"), "h200", 8, dtype="fp8_block128")
    assert cell(tab, "calc-fit", "max_context", 1) == fmt.exact(longest, "en")
    assert visit.console_errors == [], visit.console_errors
    assert third_party(visit) == []
