"""``python -m llmsize``: the same as the ``llmsize`` command."""

from llmsize.cli import main

raise SystemExit(main())
