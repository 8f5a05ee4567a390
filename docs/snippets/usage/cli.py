# The `llmsize` command line, run in-process, shown as a terminal shows it. Nothing here is
# typed: each block is what `llmsize.cli.main` writes for that command, at build time.
# A page includes this file, then prints e.g. terminal("llmsize count deepseek-v3", "zh").
import contextlib
import io
import json
import shlex

from llmsize.cli import main
from llmsize.text import say

# The keys of `llmsize memory --json`'s "memory" object, in order: the rows of its table.
MEMORY_JSON_KEYS = [
    "weights",
    "kv_per_token",
    "kv_total",
    "weights_kv",
    "training_16",
    "training_18",
]
_LOCALIZED = {"en": "{command}", "zh": "{command} --lang zh"}


def run(command):
    """Run ``llmsize ...`` in-process; returns (stdout, stderr, exit status)."""
    argv = shlex.split(command)
    assert argv[0] == "llmsize", command
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            status = main(argv[1:])
        except SystemExit as exit_:  # how main() reports bad input
            status = exit_.code
    return out.getvalue(), err.getvalue(), status


def localized(command, lang):
    """``command`` as a reader of ``lang`` would type it (``--lang zh`` on the Chinese page)."""
    return say(_LOCALIZED, lang, command=command)


def block(text):
    """A Markdown code block of plain text."""
    return f"```text\n{text.rstrip()}\n```"


def terminal(command, lang, localize=True):
    """The command (localized to ``lang`` unless ``localize`` is false) and what it prints."""
    if localize:
        command = localized(command, lang)
    out, err, status = run(command)
    assert status == 0 and not err, (command, status, err)
    return block(f"$ {command}\n{out}")


def abbreviated_json(command, lang):
    """The JSON a ``--json`` command prints, with the breakdown cut to its top level."""
    out, err, status = run(command)
    assert status == 0 and not err, (command, status, err)
    data = json.loads(out)
    top = data["breakdown"]
    parts = {}
    for key, part in top["parts"].items():
        parts[key] = {k: v for k, v in part.items() if k != "parts"}
    data["breakdown"] = {"params": top["params"], "parts": parts}
    return data, block(f"$ {command}\n{json.dumps(data, indent=2, ensure_ascii=False)}")


def failure(command, lang):
    """A command that fails: its one line on stderr, then the shell's exit status."""
    out, err, status = run(command)
    assert status != 0 and not out and err.count("\n") == 1, (command, status, out, err)
    return status, block(f"$ {command}\n{err}$ echo $?\n{status}")
