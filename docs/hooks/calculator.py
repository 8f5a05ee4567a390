"""MkDocs hook: self-host what the calculator page runs in the reader's browser.

The calculator page (docs/calculator.md) runs llmsize itself under Pyodide. Nothing is fetched
from a CDN; after the build this hook puts two things into the built site, once for both
languages (the Chinese build writes into the same site folder, under zh/, so it reaches them
with one more ``../``):

* ``assets/pyodide/``: only the runtime files Pyodide loads at start-up, copied from
  ``node_modules/pyodide`` (the npm package pinned in package.json / package-lock.json; install
  it with ``npm ci``). A build without it fails at once with one line saying so.
* ``assets/llmsize-<version>-py3-none-any.whl``: src/llmsize packed as a pure-Python wheel with
  the files setuptools ships (modules, ``py.typed``, ``presets/*.json``). The archive is
  deterministic: sorted entries, fixed timestamps and permissions, so the same source gives
  byte-identical wheels.

The page's script (docs/assets/calculator/calculator.js) finds both relative to itself.
"""

from __future__ import annotations

import base64
import filecmp
import hashlib
import io
import json
import re
import shutil
import tomllib
import zipfile
from pathlib import Path
from typing import Any

from mkdocs.exceptions import PluginError

ROOT = Path(__file__).resolve().parents[2]
PYODIDE_PACKAGE = Path("node_modules") / "pyodide"
# What loadPyodide() fetches from indexURL when no packages are requested: the loader, the
# Emscripten module and its Wasm binary, the standard library and the package lock file.
RUNTIME_FILES = (
    "pyodide.mjs",
    "pyodide.asm.mjs",
    "pyodide.asm.wasm",
    "python_stdlib.zip",
    "pyodide-lock.json",
)
ASSETS = "assets"
PYODIDE_DIR = "pyodide"
# Within a wheel, every entry gets this timestamp (the earliest a zip can hold).
ZIP_EPOCH = (1980, 1, 1, 0, 0, 0)
# What setuptools packs from src/llmsize ([tool.setuptools.package-data] in pyproject.toml).
PACKAGE_PATTERNS = ("*.py", "py.typed", "presets/*.json")
MISSING = (
    "node_modules/pyodide is missing or incomplete (the calculator page self-hosts Pyodide):"
    " run npm ci"
)


def _root(config: Any) -> Path:
    path = getattr(config, "config_file_path", None)
    return Path(path).resolve().parent if path else ROOT


def pyodide_source(root: Path) -> Path:
    """The installed npm package, checked: every runtime file present, version as pinned.

    Raises:
        PluginError: One line ending in "run npm ci", if the package is missing, incomplete or
            not the version package.json pins.
    """
    source = root / PYODIDE_PACKAGE
    missing = [name for name in RUNTIME_FILES if not (source / name).is_file()]
    if missing:
        raise PluginError(MISSING)
    wanted = _pinned_version(root)
    installed = json.loads((source / "package.json").read_text(encoding="utf-8")).get("version")
    if wanted is not None and installed != wanted:
        raise PluginError(
            f"node_modules/pyodide is version {installed}, package.json pins {wanted}: run npm ci"
        )
    return source


def _pinned_version(root: Path) -> str | None:
    package = root / "package.json"
    if not package.is_file():
        return None
    deps = json.loads(package.read_text(encoding="utf-8")).get("dependencies", {})
    version = deps.get("pyodide")
    return str(version) if version is not None else None


def project_version(root: Path) -> str:
    """llmsize's version from pyproject.toml, checked against ``llmsize.__version__``.

    Raises:
        PluginError: If the two disagree (the page names the wheel by ``__version__``).
    """
    with open(root / "pyproject.toml", "rb") as f:
        version = str(tomllib.load(f)["project"]["version"])
    init = (root / "src" / "llmsize" / "__init__.py").read_text(encoding="utf-8")
    m = re.search(r"""^__version__\s*=\s*["']([^"']+)["']""", init, re.M)
    if m is None or m.group(1) != version:
        found = m.group(1) if m else None
        raise PluginError(
            f"llmsize.__version__ is {found!r} but pyproject.toml says {version!r}: make them equal"
        )
    return version


def wheel_name(version: str) -> str:
    """File name of the calculator's wheel: ``llmsize-<version>-py3-none-any.whl``."""
    return f"llmsize-{version}-py3-none-any.whl"


def _package_files(package: Path) -> list[tuple[str, bytes]]:
    """``(archive name, content)`` of the files setuptools ships from ``package``, sorted."""
    found: dict[str, Path] = {}
    for pattern in PACKAGE_PATTERNS:
        for path in package.glob(pattern):
            if path.is_file() and "__pycache__" not in path.parts:
                found[f"llmsize/{path.relative_to(package).as_posix()}"] = path
    return [(name, found[name].read_bytes()) for name in sorted(found)]


def _record_hash(data: bytes) -> str:
    digest = base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b"=")
    return "sha256=" + digest.decode("ascii")


def build_wheel(root: Path, version: str) -> bytes:
    """The llmsize wheel, built in memory from ``root/src/llmsize``; deterministic."""
    with open(root / "pyproject.toml", "rb") as f:
        project = tomllib.load(f)["project"]
    dist_info = f"llmsize-{version}.dist-info"
    metadata = "".join(
        [
            "Metadata-Version: 2.1\n",
            "Name: llmsize\n",
            f"Version: {version}\n",
            f"Summary: {project.get('description', '')}\n",
            f"Requires-Python: {project.get('requires-python', '>=3.11')}\n",
            f"License: {project.get('license', '')}\n",
        ]
    )
    wheel = (
        "Wheel-Version: 1.0\n"
        "Generator: llmsize docs/hooks/calculator.py\n"
        "Root-Is-Purelib: true\n"
        "Tag: py3-none-any\n"
    )
    entries = _package_files(root / "src" / "llmsize")
    entries += [
        (f"{dist_info}/METADATA", metadata.encode("utf-8")),
        (f"{dist_info}/WHEEL", wheel.encode("utf-8")),
    ]
    record = "".join(f"{name},{_record_hash(data)},{len(data)}\n" for name, data in entries)
    record += f"{dist_info}/RECORD,,\n"
    entries.append((f"{dist_info}/RECORD", record.encode("utf-8")))

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, data in entries:
            info = zipfile.ZipInfo(name, date_time=ZIP_EPOCH)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.create_system = 3  # Unix, so the permissions below are read
            info.external_attr = 0o100644 << 16
            archive.writestr(info, data, compresslevel=9)
    return buffer.getvalue()


def _write_if_changed(path: Path, data: bytes) -> None:
    if path.is_file() and path.read_bytes() == data:
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)


def _copy_if_changed(source: Path, target: Path) -> None:
    if target.is_file() and filecmp.cmp(source, target, shallow=False):
        return
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(source, target)


def _default_language_build(config: Any) -> bool:
    """Whether this is the i18n plugin's first (default-language) build, or there is no i18n.

    mkdocs-static-i18n builds the other languages from its own post-build step into the same
    site folder; the files written by the first build already serve them.
    """
    i18n = config.plugins.get("i18n")
    if i18n is None:
        return True
    current = getattr(i18n, "current_language", None)
    default = getattr(i18n, "default_language", None)
    return current is None or current == default


def publish(root: Path, site_dir: Path) -> list[Path]:
    """Write the Pyodide runtime and the llmsize wheel into ``site_dir``; returns their paths."""
    source = pyodide_source(root)
    target = site_dir / ASSETS / PYODIDE_DIR
    written = []
    for name in RUNTIME_FILES:
        _copy_if_changed(source / name, target / name)
        written.append(target / name)
    # Stale runtime files of another Pyodide version must not linger (mkdocs serve, --dirty).
    for path in target.iterdir():
        if path.name not in RUNTIME_FILES:
            path.unlink() if path.is_file() else shutil.rmtree(path)
    version = project_version(root)
    wheel = site_dir / ASSETS / wheel_name(version)
    _write_if_changed(wheel, build_wheel(root, version))
    written.append(wheel)
    return written


# --- MkDocs events ---------------------------------------------------------------------------


def on_config(config: Any) -> None:
    """Fail the build at once, with one line, when the npm package is not installed."""
    root = _root(config)
    pyodide_source(root)
    project_version(root)


def on_post_build(config: Any) -> None:
    """Publish the runtime and the wheel into the site, from the default-language build only."""
    if _default_language_build(config):
        publish(_root(config), Path(config.site_dir))
