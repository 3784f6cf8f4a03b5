"""Incremental site builds: render again only the generated pages whose content changed.

A complete build leaves a record in `<cache>/site-state.json`: a fingerprint of everything
that shapes the HTML besides the pages themselves (tool and library versions, the resolved
mkdocs.yml, docs/, templates, theme overrides, hooks), the navigation, the hash of the search
index it wrote and, for every generated file, the hash of its content and the size and mtime
of its output. When the next build finds the same fingerprint and untouched outputs, it runs
MkDocs with `dirty=True`, and a generated page whose content is unchanged is neither converted
to HTML nor written; if other pages need something of it (tags in its front matter, its title
in the navigation) it is read, as MkDocs reads it (front matter and the `on_page_markdown`
event), in page order. Hand-written pages in docs/ are always rendered. What MkDocs' dirty builds leave wrong is put right here: the search index is
merged from the previous one, outputs of pages that are gone are deleted, and a navigation
that changed after all (a page title the nav shows) makes the caller build everything again.
"""

from __future__ import annotations

import hashlib
import importlib.metadata
import json
import logging
import os
import shutil
import sys
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from types import ModuleType
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

from generator import __version__
from generator.fsutil import atomic_write, link_or_copy, remove_file

log = logging.getLogger("mkdocs.plugins.dossier")
STATE_NAME = "site-state.json"
STATE_FORMAT = 1
SUPPORTED_PLUGINS = {"search", "material/search", "tags", "material/tags", "dossier"}
"""Plugins whose output an incremental build is known to reproduce; any other forces full
builds, because a plugin may collect from every page (as search and tags do)."""
SEARCH_INDEX = "search/search_index.json"
_PACKAGE = Path(__file__).resolve().parent.parent
_UNSTABLE_KEYS = {
    "config_file_path",
    "dev_addr",
    "remote_branch",
    "remote_name",
    "watch",
    "site_dir",
}
"""Settings that do not change the site (or are compared separately, like site_dir)."""
_HOW_NOT_WHAT = {"dossier": ("jobs", "scheduler")}
"""Plugin options that say how the work is done, not what the site holds (`--jobs`)."""


class NavChanged(Exception):
    """The navigation differs from the last build's, so every page must be rendered again."""


def digest(data: str | bytes) -> str:
    """A short content hash."""
    raw = data.encode("utf-8") if isinstance(data, str) else data
    return hashlib.blake2b(raw, digest_size=16).hexdigest()


@dataclass(frozen=True)
class Output:
    """What a complete build wrote for one generated file; saved as a JSON list in this order."""

    digest: str
    """Hash of the file's content."""
    dest_uri: str
    """Where its output is, relative to the site folder."""
    size: int
    """Size of the output as written."""
    mtime_ns: int
    """Modification time of the output as written."""
    lists: bool | None = None
    """Whether the file's content has the tags plugin's listing marker (None: not known), so
    that the next build need not read every unchanged file to know."""

    def to_json(self) -> list[Any]:
        return [self.digest, self.dest_uri, self.size, self.mtime_ns, self.lists]

    @classmethod
    def from_json(cls, data: Any) -> Output:
        """Raises ValueError (or TypeError) when `data` is not a record of this shape."""
        content_digest, dest_uri, size, mtime_ns, *rest = data
        if not isinstance(content_digest, str) or not isinstance(dest_uri, str):
            raise ValueError("not an output record")
        lists = rest[0] if rest else None
        if len(rest) > 1 or lists not in (True, False, None):
            raise ValueError("not an output record")
        return cls(content_digest, dest_uri, int(size), int(mtime_ns), lists)


@dataclass(frozen=True)
class Spare:
    """What the spare folder (the site before the last one, see `publish.SPARE`) holds."""

    fingerprint: str
    """The fingerprint of the build that made it."""
    outputs: list[str]
    """The dest_uri of each generated file in it."""

    def to_json(self) -> dict[str, Any]:
        return {"fingerprint": self.fingerprint, "outputs": self.outputs}

    @classmethod
    def from_json(cls, data: Any) -> Spare | None:
        """The record as saved, or None when it is missing or malformed."""
        if not isinstance(data, dict) or not isinstance(data.get("fingerprint"), str):
            return None
        outputs = data.get("outputs")
        if not isinstance(outputs, list) or not all(isinstance(o, str) for o in outputs):
            return None
        return cls(data["fingerprint"], outputs)


@dataclass
class SiteState:
    """What the last complete build wrote, and from what."""

    fingerprint: str
    site_dir: str
    """Absolute path of the folder the site was published in."""
    nav: str
    """Hash of the navigation's titles and URLs."""
    search: str | None
    """Hash of the search index as written, or None without a search plugin."""
    outputs: dict[str, Output] = field(default_factory=dict)
    """Generated file (src_uri) → its output."""
    search_data: bytes | None = None
    """The previous search index itself, read when the state is checked (not saved)."""
    spare: Spare | None = None
    """What the spare folder (the site before this one) holds; None: unknown."""

    @classmethod
    def load(cls, path: Path) -> SiteState | None:
        """The state saved at `path`, or None when there is none or it cannot be read."""
        try:
            data = json.loads(path.read_text("utf-8"))
            if data.get("format") != STATE_FORMAT:
                return None
            return cls(
                str(data["fingerprint"]),
                str(data["site_dir"]),
                str(data["nav"]),
                data["search"],
                {str(k): Output.from_json(v) for k, v in data["outputs"].items()},
                spare=Spare.from_json(data.get("spare")),
            )
        except (OSError, ValueError, KeyError, TypeError, AttributeError):
            return None

    def save(self, path: Path) -> None:
        """Write the state through a temporary file, so a reader never sees half of it."""
        data = {
            "format": STATE_FORMAT,
            "fingerprint": self.fingerprint,
            "site_dir": self.site_dir,
            "nav": self.nav,
            "search": self.search,
            "outputs": {src_uri: output.to_json() for src_uri, output in self.outputs.items()},
            "spare": self.spare.to_json() if self.spare is not None else None,
        }
        atomic_write(path, json.dumps(data, separators=(",", ":")))


def state_path(cache_root: Path) -> Path:
    """Where the record of the last complete build of a project lives."""
    return cache_root / STATE_NAME


def _plain(value: Any) -> Any:
    """A JSON-able view of a config value; objects count by their type (their code is versioned)."""
    if isinstance(value, Mapping):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    if value is None or isinstance(value, (str, int, float, bool)):
        return value
    return f"<{type(value).__module__}.{type(value).__qualname__}>"


def _hash_tree(hasher: Any, folder: Path | None) -> None:
    """Feed the relative path and bytes of every file under `folder` into `hasher`."""
    if folder is None or not folder.is_dir():
        hasher.update(b"-\0")
        return
    for path in sorted(p for p in folder.rglob("*") if p.is_file()):
        hasher.update(path.relative_to(folder).as_posix().encode("utf-8") + b"\0")
        hasher.update(hashlib.blake2b(path.read_bytes(), digest_size=16).digest())


def _versions(modules: Iterable[str]) -> dict[str, str]:
    """Installed versions of the distributions providing `modules` (top-level names)."""
    owners = importlib.metadata.packages_distributions()
    versions = {}
    for module in sorted(set(modules)):
        for dist in owners.get(module.split(".")[0], []):
            try:
                versions[dist] = importlib.metadata.version(dist)
            except importlib.metadata.PackageNotFoundError:
                versions[dist] = "unknown"
    return versions


def fingerprint(config: MkDocsConfig, templates: Path | None) -> str:
    """A hash of everything besides the generated pages that can change the built site."""
    hasher = hashlib.blake2b(digest_size=16)
    settings = {k: _plain(v) for k, v in config.items() if k not in _UNSTABLE_KEYS}
    settings["theme"] = {
        "name": config.theme.name,
        "dirs": list(config.theme.dirs),
        "vars": _plain(dict(config.theme)),
    }
    settings["plugins"] = {
        name: [
            f"{type(p).__module__}.{type(p).__qualname__}",
            _plain(
                {
                    k: v
                    for k, v in (getattr(p, "config", None) or {}).items()
                    if k not in _HOW_NOT_WHAT.get(name, ())
                }
            ),
        ]
        for name, p in config.plugins.items()
        if name not in config.hooks  # hooks are modules: their files are hashed below
    }
    modules = [type(p).__module__ for p in config.plugins.values()]
    modules += [e for e in config.markdown_extensions if isinstance(e, str)]
    modules += ["mkdocs", "material", "markdown", "pymdownx", "jinja2", "yaml", "pagefind_bin"]
    settings["versions"] = _versions(modules)
    settings["tool"] = [__version__, sys.version_info[:2]]
    hasher.update(json.dumps(settings, sort_keys=True, default=str).encode("utf-8"))
    # The tool's own code: an editable install keeps its version number while its code changes.
    for path in sorted(_PACKAGE.rglob("*.py")):
        hasher.update(path.relative_to(_PACKAGE).as_posix().encode("utf-8"))
        hasher.update(path.read_bytes())
    _hash_tree(hasher, _PACKAGE / "mkdocs_plugin" / "theme")  # the search box and its script
    _hash_tree(hasher, Path(config.docs_dir))
    _hash_tree(hasher, templates)
    custom = getattr(config.theme, "custom_dir", None)
    _hash_tree(hasher, Path(custom) if custom else None)
    for hook in _hooks(config).values():
        source = getattr(hook, "__file__", None)
        hasher.update(Path(source).read_bytes() if source else b"-")
    return hasher.hexdigest()


def _hooks(config: MkDocsConfig) -> dict[str, ModuleType]:
    """The `hooks` of a loaded config: name → module (MkDocs annotates the option as a list)."""
    hooks: dict[str, ModuleType] = config.hooks  # type: ignore[assignment]
    return hooks


def unsupported_plugins(config: MkDocsConfig) -> list[str]:
    """Plugins (or settings of them) an incremental build cannot reproduce the output of."""
    names = [
        name
        for name in config.plugins
        if name not in SUPPORTED_PLUGINS and name not in config.hooks
    ]
    for name in ("search", "material/search"):
        plugin = config.plugins.get(name)
        if plugin is not None and plugin.config.get("prebuild_index"):
            names.append(f"{name} (prebuild_index)")
    names += [f"hook {name}" for name in config.hooks]
    return names


def _search_plugin(config: MkDocsConfig) -> Any:
    for name in ("material/search", "search"):
        plugin = config.plugins.get(name)
        if plugin is not None and plugin.config.get("enabled", True):
            return plugin
    return None


def check_previous(
    config: MkDocsConfig, cache_root: Path, current: str, site_dir: str | None = None
) -> tuple[SiteState | None, str]:
    """The last complete build if this one may be incremental, else None and the reason."""
    # `current`: this build's fingerprint; `site_dir`: where the site is published.
    state = SiteState.load(state_path(cache_root))
    if state is None:
        return None, "no record of a complete earlier build"
    if state.site_dir != os.path.abspath(site_dir or config.site_dir):
        return None, "the last build was published elsewhere"
    if not Path(state.site_dir).is_dir():
        return None, "the site folder is gone"
    if blockers := unsupported_plugins(config):
        return None, "plugins an incremental build cannot reproduce: " + ", ".join(blockers)
    if state.fingerprint != current:
        return None, "settings, docs/, templates, theme or tool changed"
    if state.search is not None:
        try:
            data = (Path(state.site_dir) / SEARCH_INDEX).read_bytes()
        except OSError:
            return None, "the search index is gone"
        if digest(data) != state.search:
            return None, "the search index was changed"
        state.search_data = data
    elif _search_plugin(config) is not None:
        return None, "the last build had no search index"
    return state, ""


class GeneratedFile(File):
    """A file made by the plugin; an incremental build leaves it as last written when unchanged."""

    digest: str = ""
    unchanged: bool = False
    """Same content as in the last build and its output untouched: neither render nor write."""
    on_skip: Callable[[Page], None] | None = None

    def is_modified(self) -> bool:
        if not self.unchanged:
            return True  # changed, new, or forced: its mtime says nothing
        if self.on_skip is not None and self.page is not None:
            # MkDocs asks this just where it would read the page, in page order, so what the
            # callback collects (tags) arrives in the same order as in a full build.
            on_skip, self.on_skip = self.on_skip, None
            on_skip(self.page)
        return False


def _always_modified() -> bool:
    return True


def nav_signature(nav: Navigation) -> str:
    """Hash of what the navigation shows: every item's title and URL, nested."""

    def walk(items: Iterable[Any]) -> list[Any]:
        return [
            [item.title, getattr(item, "url", None), walk(getattr(item, "children", None) or [])]
            for item in items
        ]

    return digest(json.dumps(walk(nav.items), default=str))


def _dump_search(plugin: Any) -> Callable[[Any], str]:
    """The search plugin's own JSON encoding, so a merged index has its bytes."""
    if type(plugin).__module__.startswith("mkdocs."):
        return lambda data: json.dumps(data, sort_keys=True, separators=(",", ":"), default=str)
    return lambda data: json.dumps(data, separators=(",", ":"), default=str)


def _entries_by_page(data: Any) -> dict[str, list[Any]]:
    """Search index entries grouped by the URL of their page (location without #fragment)."""
    grouped: dict[str, list[Any]] = {}
    for entry in data.get("docs", []):
        grouped.setdefault(str(entry.get("location", "")).split("#", 1)[0], []).append(entry)
    return grouped


class SiteTracker:
    """One build's generated files: what to skip, and the record it leaves when complete."""

    def __init__(
        self,
        config: MkDocsConfig,
        cache_root: Path,
        current: str,
        previous: SiteState | None,
        site_dir: str | None = None,
    ) -> None:
        self.config = config
        self.path = state_path(cache_root)
        self.fingerprint = current
        """This build's fingerprint, taken before plugins changed the config."""
        self.previous = previous
        self.target = Path(config.site_dir)
        """Where MkDocs writes this build (maybe a staging folder)."""
        self.site_dir = os.path.abspath(site_dir or config.site_dir)
        """Where the site is published."""
        self.generated: dict[str, GeneratedFile] = {}
        self.files: Files | None = None
        self.nav = ""
        self.skipped = 0
        """Generated files left as the last build wrote them."""
        # A build that stops halfway must not leave a record that the next one trusts.
        self.path.unlink(missing_ok=True)

    @property
    def incremental(self) -> bool:
        return self.previous is not None

    @property
    def staged(self) -> bool:
        """An incremental build into another folder than the last site's (`dossier build`)."""
        return self.previous is not None and Path(self.previous.site_dir) != self.target

    def add(self, file: GeneratedFile, content_digest: str, read_by_others: bool) -> None:
        """Register a generated file; mark it unchanged when the last build wrote the same."""
        file.digest = content_digest
        self.generated[file.src_uri] = file
        output = self.previous.outputs.get(file.src_uri) if self.previous else None
        if (
            output is not None
            and output.digest == content_digest
            and output.dest_uri == file.dest_uri
        ):
            file.unchanged = self._intact(output)
            if file.unchanged and read_by_others:
                file.on_skip = self._read_skipped

    def _intact(self, output: Output) -> bool:
        """The output the last build wrote is still there, as it was written."""
        try:  # plain strings: this runs for every page of a large site
            stat = os.stat(os.path.join(self.previous.site_dir, output.dest_uri))  # type: ignore[union-attr]
        except OSError:
            return False
        return (stat.st_size, stat.st_mtime_ns) == (output.size, output.mtime_ns)

    def start(self, files: Files) -> None:
        """After all files are known: hand-written pages are always rendered again."""
        self.files = files
        if not self.incremental:
            return
        for file in files.documentation_pages():
            if not isinstance(file, GeneratedFile):
                # docs/ is unchanged (fingerprint), but a page there may list others (tags)
                file.is_modified = _always_modified  # type: ignore[method-assign]

    def plan(self, nav: Navigation) -> None:
        """After the navigation is known: render its pages; bring the skipped outputs over."""
        if not self.incremental:
            return
        directive = _tags_directive(self.config)
        for page in nav.pages:
            if isinstance(page.file, GeneratedFile) and page.file.unchanged:
                # the nav shows its title: read it (the nav is checked against the last one)
                page.file.on_skip = self._read_skipped
        for file in self.generated.values():
            if (
                file.unchanged
                and directive
                and file.is_documentation_page()  # a listing is a page's (not report.json's)
                and self._lists(file, directive)
            ):
                file.unchanged = False  # a page with a tags listing changes with other pages
        self.skipped = sum(f.unchanged for f in self.generated.values())
        log.info(
            "dossier: incremental build, %d of %d generated files unchanged",
            self.skipped,
            len(self.generated),
        )
        if self.staged:
            self._bring_over()

    def _lists(self, file: GeneratedFile, directive: str) -> bool:
        """Whether the file has the tags listing marker: as the last build recorded for the
        same content, else read."""
        output = self.previous.outputs.get(file.src_uri) if self.previous else None
        if output is not None and output.digest == file.digest and output.lists is not None:
            return output.lists
        return directive in file.content_string

    def _bring_over(self) -> None:
        """Link (or copy) the outputs left as they were from the last site into the new folder.

        The new folder is empty, or it is the spare folder (the site before the last one, see
        `publish.SPARE`) with its folders already made: then outputs already linked to the
        last site's are left alone, outputs to be written again are removed first (they may
        share their file with the published site, which must not change), and outputs of pages
        that are gone are deleted. A spare folder whose content is not known is emptied.
        """
        # Plain strings, not Path objects: this runs for every page of a large site.
        source = os.fspath(self.previous.site_dir)  # type: ignore[union-attr]
        root = os.fspath(self.target)
        reused = self._spare_outputs(root)
        made: set[str] = set()
        for file in self.generated.values():
            target = os.path.join(root, file.dest_uri)
            if not file.unchanged:
                if reused is not None:
                    remove_file(target)
                continue
            old = os.path.join(source, file.dest_uri)
            if reused is not None:
                if _same_file(old, target):
                    continue
                remove_file(target)
            link_or_copy(old, target, made)
        if reused:
            current = {f.dest_uri for f in self.generated.values()}
            for dest in sorted(set(reused) - current):
                remove_file(os.path.join(root, dest), up_to=root)

    def _spare_outputs(self, root: str) -> list[str] | None:
        """The generated outputs in the folder this build writes into when it is the spare
        folder and its content is known (None: the folder is, or is now, empty)."""
        try:
            with os.scandir(root) as entries:
                empty = next(entries, None) is None
        except OSError:
            return None
        if empty:
            return None
        spare = self.previous.spare  # type: ignore[union-attr]
        if spare is not None and spare.fingerprint == self.fingerprint:
            return list(spare.outputs)
        for entry in sorted(os.listdir(root)):  # unknown content: start from nothing
            path = os.path.join(root, entry)
            if os.path.isdir(path) and not os.path.islink(path):
                shutil.rmtree(path)
            else:
                os.unlink(path)
        return None

    def _read_skipped(self, page: Page) -> None:
        """Read a page that is not rendered, as MkDocs would before converting it."""
        config, files = self.config, self.files
        assert files is not None  # set by `start`, before MkDocs reads any page
        page = config.plugins.on_pre_page(page, config=config, files=files)
        page.read_source(config)
        assert page.markdown is not None  # `read_source` sets it
        page.markdown = config.plugins.on_page_markdown(
            page.markdown, page=page, config=config, files=files
        )

    def check_nav(self, nav: Navigation) -> None:
        """After pages are read: a skipped page shows the navigation, so it must be the same."""
        self.nav = nav_signature(nav)
        if self.incremental and self.nav != self.previous.nav:  # type: ignore[union-attr]
            raise NavChanged("the navigation changed; every page must be rendered again")

    def finish(self) -> None:
        """After the build: complete the search index, delete what is gone, record the build."""
        search = _search_plugin(self.config)
        index = self.target / SEARCH_INDEX
        if self.incremental:
            if search is not None:
                self._merge_search(index, search)
            self._delete_stale()
        outputs: dict[str, Output] = {}
        root = os.fspath(self.target)
        directive = _tags_directive(self.config)
        for src_uri, file in self.generated.items():
            try:
                stat = os.stat(os.path.join(root, file.dest_uri))
            except OSError:
                continue  # not written (empty page): rendered again next time
            lists = None
            if directive is not None and file.is_documentation_page():
                lists = self._lists(file, directive)
            outputs[src_uri] = Output(
                file.digest, file.dest_uri, stat.st_size, stat.st_mtime_ns, lists
            )
        search_digest = None
        if search is not None:
            try:
                search_digest = digest(index.read_bytes())
            except OSError:
                return  # no index: no record, the next build is a full one
        spare = None
        if self.staged:
            # `dossier build`: the published site becomes the spare folder when this one is
            # swapped in (a build without the swap leaves no record that the next one trusts).
            spare = Spare(
                self.previous.fingerprint,  # type: ignore[union-attr]
                sorted({o.dest_uri for o in self.previous.outputs.values()}),  # type: ignore[union-attr]
            )
        SiteState(
            self.fingerprint, self.site_dir, self.nav, search_digest, outputs, spare=spare
        ).save(self.path)

    def _merge_search(self, index: Path, plugin: Any) -> None:
        """Add the entries of the pages not rendered now from the last index, in page order."""
        written = index.read_bytes()
        fresh = json.loads(written)
        dump = _dump_search(plugin)
        if dump(fresh) != written.decode("utf-8"):
            log.warning("dossier: unexpected search index format; merging it anyway")
        old = _entries_by_page(json.loads(self.previous.search_data or b"{}"))  # type: ignore[union-attr]
        new = _entries_by_page(fresh)
        docs = []
        for file in self.files.documentation_pages():  # type: ignore[union-attr]
            url = file.page.url if file.page is not None else file.url
            if isinstance(file, GeneratedFile) and file.unchanged:
                docs.extend(old.get(url, []))
            else:
                docs.extend(new.get(url, []))
        fresh["docs"] = docs
        atomic_write(index, dump(fresh))

    def _delete_stale(self) -> None:
        """Outputs of generated files the last build wrote and this one does not have."""
        if self.staged:
            return  # another folder: `_bring_over` left out or deleted what is gone
        current = {f.dest_uri for f in self.files}  # type: ignore[union-attr]
        for src_uri, output in self.previous.outputs.items():  # type: ignore[union-attr]
            if src_uri in self.generated or output.dest_uri in current:
                continue
            remove_file(self.target / output.dest_uri, up_to=self.target)


def _same_file(first: str, second: str) -> bool:
    """Whether two paths name the same file (hard links of one another)."""
    try:
        a, b = os.stat(first), os.stat(second)
    except OSError:
        return False
    return (a.st_ino, a.st_dev) == (b.st_ino, b.st_dev)


def _tags_directive(config: MkDocsConfig) -> str | None:
    """The start of the tags plugin's listing marker (a page with one lists other pages)."""
    for name in ("material/tags", "tags"):
        plugin = config.plugins.get(name)
        if plugin is not None:
            return f"<!-- {plugin.config.get('listings_directive', 'material/tags')}"
    return None
