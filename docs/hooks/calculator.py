"""MkDocs hook: self-host what the calculator page runs in the reader's browser.

The calculator page (docs/calculator.md) runs llmsize itself under Pyodide. Nothing is fetched
from a CDN; after the build this hook puts three things into the built site, once for both
languages (the Chinese build writes into the same site folder, under zh/):

* ``assets/pyodide/<version>/``: only the runtime files Pyodide loads at start-up (the loader,
  the Emscripten module, its Wasm binary and the standard library), copied unmodified from
  ``node_modules/pyodide`` (the npm package pinned in package.json / package-lock.json; install
  it with ``npm ci``). The version in the path keeps a reader's cached copy from ever mixing
  two releases. The package lock file is not published: the page passes Pyodide its ``info``
  (read here) with no packages, since it loads none.
* ``assets/llmsize-<version>-py3-none-any.whl``: src/llmsize packed as a pure-Python wheel with
  the files setuptools ships (modules, ``py.typed``, ``presets/*.json``). The archive is
  deterministic: sorted entries, fixed timestamps and permissions, so the same source gives
  byte-identical wheels.
* ``calculator-sw.js`` at the site root, from docs/assets/calculator/sw.js: the service worker
  that keeps the runtime and the wheel in a versioned Cache Storage cache. It must sit above
  the pages it controls (a worker's scope cannot reach above its own folder).

The page learns where these are from the form's ``data-runtime`` attribute, which this hook
fills in (`on_post_page`) with a small JSON object, including ``key``: a hash of everything
published, naming the reader's cache. Without ``node_modules/pyodide`` a prose-only build still
works: the hook logs one warning (which does not fail a strict build), publishes no runtime,
and leaves ``data-runtime`` empty, so the page shows its "run npm ci" note. With
``LLMSIZE_REQUIRE_RUNTIME=1`` (CI) a missing runtime fails the build with one line instead.
"""

from __future__ import annotations

import base64
import filecmp
import hashlib
import html
import io
import json
import logging
import os
import re
import shutil
import tomllib
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from mkdocs.exceptions import PluginError

ROOT = Path(__file__).resolve().parents[2]
PYODIDE_PACKAGE = Path("node_modules") / "pyodide"
# What loadPyodide() fetches from indexURL when it is given the lock file's contents and no
# packages: the loader, the Emscripten module and its Wasm binary, the standard library.
RUNTIME_FILES = (
    "pyodide.mjs",
    "pyodide.asm.mjs",
    "pyodide.asm.wasm",
    "python_stdlib.zip",
)
LOCK_FILE = "pyodide-lock.json"
ASSETS = "assets"
PYODIDE_DIR = "pyodide"
SW_SOURCE = "assets/calculator/sw.js"
SW_TARGET = "calculator-sw.js"
# The form carries this attribute (docs/snippets/calculator/form.py); on_post_page fills it in.
RUNTIME_MARK = 'data-runtime="@llmsize-runtime@"'
REQUIRE = "LLMSIZE_REQUIRE_RUNTIME"
# Within a wheel, every entry gets this timestamp (the earliest a zip can hold).
ZIP_EPOCH = (1980, 1, 1, 0, 0, 0)
# What setuptools packs from src/llmsize ([tool.setuptools.package-data] in pyproject.toml).
PACKAGE_PATTERNS = ("**/*.py", "py.typed", "presets/*.json")
MISSING = (
    "node_modules/pyodide is missing or incomplete (the calculator page self-hosts Pyodide):"
    " run npm ci"
)
UNBUILT = (
    "; building without the calculator's runtime (the page says so)."
    f" {REQUIRE}=1 makes this an error"
)

log = logging.getLogger("mkdocs.hooks.calculator")


def _root(config: Any) -> Path:
    path = getattr(config, "config_file_path", None)
    return Path(path).resolve().parent if path else ROOT


# --- the Pyodide package ---------------------------------------------------------------------


def pyodide_source(root: Path) -> Path:
    """The installed npm package, checked: every runtime file present, version as pinned.

    Raises:
        PluginError: One line ending in "run npm ci", if the package is missing, incomplete or
            not the version package.json pins.
    """
    source = root / PYODIDE_PACKAGE
    needed = (*RUNTIME_FILES, LOCK_FILE, "package.json")
    if any(not (source / name).is_file() for name in needed):
        raise PluginError(MISSING)
    wanted = _pinned_version(root)
    installed = pyodide_version(source)
    if wanted is not None and installed != wanted:
        raise PluginError(
            f"node_modules/pyodide is version {installed}, package.json pins {wanted}: run npm ci"
        )
    return source


def pyodide_version(source: Path) -> str:
    """The version of the Pyodide package installed at ``source``."""
    return str(json.loads((source / "package.json").read_text(encoding="utf-8"))["version"])


def _pinned_version(root: Path) -> str | None:
    package = root / "package.json"
    if not package.is_file():
        return None
    deps = json.loads(package.read_text(encoding="utf-8")).get("dependencies", {})
    version = deps.get("pyodide")
    return str(version) if version is not None else None


def lock_info(source: Path) -> dict[str, Any]:
    """The ``info`` of Pyodide's lock file (its ABI version is checked at start-up)."""
    info = json.loads((source / LOCK_FILE).read_text(encoding="utf-8"))["info"]
    return dict(info)


# --- the llmsize wheel -----------------------------------------------------------------------


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


# --- what one build publishes ----------------------------------------------------------------


@dataclass(frozen=True)
class Runtime:
    """What the calculator page needs, found once per build.

    ``source`` is None when the Pyodide package is missing (a prose-only build): then nothing
    is published and the page gets an empty ``data-runtime``.
    """

    root: Path
    source: Path | None
    version: str | None
    lock: dict[str, Any] | None
    wheel: bytes
    wheel_name: str

    @property
    def key(self) -> str:
        """Names the reader's cache: changes whenever any published byte may change."""
        digest = hashlib.sha256(self.wheel)
        digest.update(json.dumps([self.version, self.lock], sort_keys=True).encode())
        return f"{self.version}-{digest.hexdigest()[:16]}"

    def page_data(self) -> str:
        """The form's ``data-runtime`` value: JSON, or empty without a runtime."""
        if self.source is None:
            return ""
        data = {
            "key": self.key,
            "index": f"{ASSETS}/{PYODIDE_DIR}/{self.version}/",
            "wheel": f"{ASSETS}/{self.wheel_name}?v={self.key}",
            "worker": f"{SW_TARGET}?v={self.key}",
            "lock": self.lock,
        }
        return json.dumps(data, separators=(",", ":"), sort_keys=True)


def _warn(message: str) -> None:
    """Show a warning the way MkDocs does, without counting it towards ``--strict``.

    MkDocs counts every WARNING that reaches its ``mkdocs`` logger; this record goes to the
    logger's console handler only.
    """
    record = log.makeRecord(log.name, logging.WARNING, __file__, 0, message, None, None)
    handlers = [h for h in logging.getLogger("mkdocs").handlers if h.name == "MkDocsStreamHandler"]
    for handler in handlers or [logging.lastResort]:
        if handler is not None:
            handler.handle(record)


def find_runtime(root: Path, *, required: bool) -> Runtime:
    """Check the Pyodide package and build the wheel.

    Raises:
        PluginError: If the package is missing and ``required``, or the versions disagree.
    """
    version = project_version(root)
    wheel = build_wheel(root, version)
    try:
        source: Path | None = pyodide_source(root)
    except PluginError as err:
        if required:
            raise
        _warn(f"{err}{UNBUILT}")
        source = None
    return Runtime(
        root=root,
        source=source,
        version=pyodide_version(source) if source else None,
        lock=lock_info(source) if source else None,
        wheel=wheel,
        wheel_name=wheel_name(version),
    )


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


def _remove_all_but(folder: Path, keep: set[str]) -> None:
    """Stale files of another version must not linger (mkdocs serve, --dirty)."""
    if folder.is_dir():
        for path in folder.iterdir():
            if path.name not in keep:
                shutil.rmtree(path) if path.is_dir() else path.unlink()


def publish(runtime: Runtime, site_dir: Path) -> list[Path]:
    """Write the runtime, the wheel and the service worker into ``site_dir``; their paths."""
    pyodide = site_dir / ASSETS / PYODIDE_DIR
    if runtime.source is None:
        _remove_all_but(pyodide, set())
        return []
    target = pyodide / str(runtime.version)
    _remove_all_but(pyodide, {str(runtime.version)})
    written = []
    for name in RUNTIME_FILES:
        _copy_if_changed(runtime.source / name, target / name)
        written.append(target / name)
    _remove_all_but(target, set(RUNTIME_FILES))
    wheel = site_dir / ASSETS / runtime.wheel_name
    _write_if_changed(wheel, runtime.wheel)
    worker = site_dir / SW_TARGET
    _copy_if_changed(runtime.root / "docs" / SW_SOURCE, worker)
    return [*written, wheel, worker]


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


# --- MkDocs events ---------------------------------------------------------------------------

_RUNTIME: dict[Path, Runtime] = {}


def on_config(config: Any) -> None:
    """Find the runtime once per build (the Chinese build reuses it); see `find_runtime`."""
    root = _root(config)
    if _default_language_build(config) or root not in _RUNTIME:
        _RUNTIME[root] = find_runtime(root, required=os.environ.get(REQUIRE) == "1")


def on_files(files: Any, config: Any) -> Any:
    """The service worker is published at the site root (`publish`), not beside its source."""
    worker = files.get_file_from_path(SW_SOURCE)
    if worker is not None:
        files.remove(worker)
    return files


def on_post_page(output: str, page: Any, config: Any) -> str:
    """Fill in the calculator form's ``data-runtime`` (empty when there is no runtime)."""
    if RUNTIME_MARK not in output:
        return output
    data = _RUNTIME[_root(config)].page_data()
    return output.replace(RUNTIME_MARK, f'data-runtime="{html.escape(data, quote=True)}"')


def on_post_build(config: Any) -> None:
    """Publish the runtime and the wheel into the site, from the default-language build only."""
    if _default_language_build(config):
        publish(_RUNTIME[_root(config)], Path(config.site_dir))
