"""The `dossier` command: analyse articles, build or serve the site, evaluate on gold data."""

from __future__ import annotations

import ipaddress
import json
import sys
from collections.abc import Callable, Iterator
from contextlib import nullcontext
from pathlib import Path
from typing import Any, TypeVar

import click
from mkdocs.commands.serve import serve as mkdocs_serve
from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import Abort, ConfigurationError
from tqdm import tqdm

from generator.analysis.analyze import Failed
from generator.analysis.batches import ClusterError
from generator.analysis.collect import collect_reports
from generator.analysis.lock import BuildLocked, build_lock
from generator.analysis.parallel import analyze_stream
from generator.evaluation import realnews
from generator.evaluation.runner import run as run_evaluation
from generator.fsutil import atomic_write
from generator.ingest.add import AddError, SeedIndex, add_feed, add_url
from generator.ingest.fetch import DEADLINE, PACE, Fetcher, FetchError, FetchPolicy, IPNetwork
from generator.ingest.files import IngestError, discover, parse_date, read_all
from generator.mkdocs_plugin.incremental import NavChanged
from generator.mkdocs_plugin.plugin import DossierPlugin
from generator.mkdocs_plugin.publish import build_site, config_cache_root
from generator.model import Article
from generator.site.pages import render_site
from generator.site.render import make_env

F = TypeVar("F", bound=Callable[..., Any])


def _check_date(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    if value is None:
        return None
    try:
        return parse_date(value, "--date")
    except IngestError as err:
        raise click.BadParameter(str(err).split(": ", 1)[1]) from None


def _jobs_option(command: F) -> F:
    return click.option(
        "-j",
        "--jobs",
        type=click.IntRange(1, 256),
        help="Analyse in N processes (default 1; each loads the model once).",
    )(command)


def _scheduler_option(command: F) -> F:
    return click.option(
        "--scheduler",
        metavar="ADDRESS",
        help="Analyse on the Dask cluster whose scheduler is at ADDRESS (e.g. tcp://host:8786).",
    )(command)


def _config_file_option(command: F) -> F:
    return click.option(
        "-f",
        "--config-file",
        default="mkdocs.yml",
        show_default=True,
        type=click.Path(exists=True, dir_okay=False, path_type=Path),
    )(command)


@click.group()
@click.version_option(package_name="news-dossier")
def main() -> None:
    """news-dossier: news articles in, a trustworthy static report site out."""


@main.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(exists=True, path_type=Path))
@click.option(
    "--out",
    type=click.Path(file_okay=False, path_type=Path),
    help="Write DIR/<id>.json per article.",
)
@click.option(
    "--date",
    callback=_check_date,
    help="Publication date YYYY-MM-DD for every article (overrides metadata).",
)
@click.option("--model", help="spaCy model to load instead of the default.")
@click.option(
    "--summary-sentences",
    type=click.IntRange(1, 20),
    help="Summary length [default: a third of the article's sentences, 3 to 5].",
)
@_jobs_option
@_scheduler_option
def analyze(
    paths: tuple[Path, ...],
    out: Path | None,
    date: str | None,
    model: str | None,
    summary_sentences: int | None,
    jobs: int | None,
    scheduler: str | None,
) -> None:
    """Analyse article files or folders and write their reports as JSON."""
    files = discover(paths)
    if not files:
        raise click.ClickException(
            "no .txt, .md or .html articles found in " + ", ".join(map(str, paths))
        )
    if out is None and len(files) > 1:
        raise click.UsageError("several articles: give --out DIR to write one JSON file each")
    errors = 0
    bar = tqdm(total=len(files), desc="analysing", unit="article", disable=None, file=sys.stderr)
    path_of: dict[str, Path] = {}

    def readable() -> Iterator[Article]:
        # articles are read as the analysis asks for them, so a large folder is never all in memory
        nonlocal errors
        for path, item in read_all(files, date):
            if isinstance(item, IngestError):
                bar.write(f"error: {item}", file=sys.stderr)
                errors += 1
                bar.update(1)
            else:
                path_of[item.id] = path
                yield item

    try:
        for outcome in analyze_stream(
            readable(), model, summary_sentences, jobs=jobs or 1, scheduler=scheduler
        ):
            if isinstance(outcome, Failed):
                bar.write(
                    f"error: {path_of[outcome.article_id]}: {outcome.message}", file=sys.stderr
                )
                errors += 1
            elif out is None:
                click.echo(outcome.to_json(), nl=False)
            else:
                atomic_write(out / f"{outcome.article.id}.json", outcome.to_json())
            bar.update(1)
    except ClusterError as err:
        raise click.ClickException(str(err)) from None
    finally:
        bar.close()
    if errors:
        click.echo(f"{errors} article(s) could not be read or analysed", err=True)
        sys.exit(1)


def _mkdocs_config(config_file: Path, site_dir: Path | None, strict: bool) -> MkDocsConfig:
    options: dict[str, Any] = {"strict": strict}
    if site_dir is not None:
        options["site_dir"] = str(site_dir)
    return load_config(str(config_file), **options)


class _PageBar:
    """Progress while MkDocs writes the pages: a bar on a terminal, one line otherwise."""

    def __init__(self) -> None:
        self.bar: tqdm[Any] | None = None

    def start(self, total: int) -> None:
        self.close()
        self.bar = tqdm(
            total=total, desc="writing pages", unit="page", disable=None, file=sys.stderr
        )
        if self.bar.disable:
            click.echo(f"writing {total} page(s)", err=True)

    def page(self) -> None:
        if self.bar is not None:
            self.bar.update(1)

    def close(self) -> None:
        if self.bar is not None:
            self.bar.close()
            self.bar = None


@main.command()
@_config_file_option
@click.option(
    "-d",
    "--site-dir",
    type=click.Path(file_okay=False, path_type=Path),
    help="Where to write the site (default: site/).",
)
@click.option("--strict", is_flag=True, help="Stop on MkDocs warnings.")
@click.option(
    "--full",
    is_flag=True,
    help="Render every page again (default: only the pages whose content changed, when the "
    "last complete build is in the site folder and nothing but the articles changed).",
)
@click.option(
    "--date",
    callback=_check_date,
    help="Publication date YYYY-MM-DD for every article (overrides their metadata and the "
    "dossier plugin's `date:` in mkdocs.yml)",
)
@_jobs_option
@_scheduler_option
def build(
    config_file: Path,
    site_dir: Path | None,
    strict: bool,
    full: bool,
    date: str | None,
    jobs: int | None,
    scheduler: str | None,
) -> None:
    """Analyse what is new or changed in seeds/ and build the site, rendering what changed."""
    # A full build when the last complete one is not in the site folder or something besides
    # the articles changed (settings, docs/, templates, theme, tool); either way the new site
    # is written into a fresh folder and swapped in whole.
    pages = _PageBar()
    try:
        config = _mkdocs_config(config_file, site_dir, strict)
        plugin = config.plugins.get("dossier")
        # the options override mkdocs.yml's; only the analysis moves, the site is built here
        for name, value in (("jobs", jobs), ("scheduler", scheduler), ("date", date)):
            if plugin is not None and value is not None:
                plugin.config[name] = value
        cache_root = config_cache_root(config)
        # The lock first: a build it refuses says only that, not what it would have done.
        with build_lock(cache_root) if cache_root is not None else nullcontext():
            _build(config, plugin, full, pages)
    except (Abort, ConfigurationError, BuildLocked) as err:
        raise click.ClickException(str(err)) from None
    except ClusterError as err:
        raise click.ClickException(str(err)) from None
    finally:
        pages.close()
    errors = getattr(plugin, "errors", [])
    if isinstance(plugin, DossierPlugin):
        fresh = len(plugin.analysed)
        unreadable = f"; {len(errors)} could not be read" if errors else ""
        click.echo(
            f"{plugin.articles} article(s): {fresh} analysed, {plugin.articles - fresh} "
            f"unchanged (from the cache){unreadable}",
            err=True,
        )
    tracker = getattr(plugin, "tracker", None)
    if tracker is not None and tracker.incremental:
        rendered = len(tracker.generated) - tracker.skipped
        click.echo(
            f"incremental build: {rendered} of {len(tracker.generated)} generated pages and files"
            " made again (dossier build --full renders all)",
            err=True,
        )
    elif isinstance(plugin, DossierPlugin):
        click.echo(f"pages written: {plugin.pages_written}", err=True)
    search = getattr(plugin, "search_run", None)
    if search is not None:
        click.echo(
            f"search index: {search.pages} pages indexed by Pagefind in {search.wall:.1f} s"
            f" ({search.cpu:.1f} s CPU)"
            + (
                ""
                if search.base is None
                else f", added to the last full index of {search.base} pages"
            ),
            err=True,
        )
    click.echo(
        f"site built in {config.site_dir}; to view it: `dossier serve` (live preview), or serve"
        f" the folder: python3 -m http.server -d {config.site_dir} (opened from disk, its links"
        " lead to folder listings)",
        err=True,
    )
    if errors:
        # each error line was printed once, as the article was read; this is the tally
        click.echo(
            f"{len(errors)} article(s) could not be read or analysed (the error lines above)",
            err=True,
        )
        sys.exit(1)


def _build(config: MkDocsConfig, plugin: Any, full: bool, pages: _PageBar) -> None:
    """Build under the lock: incremental when the plugin says it may be, else in full."""
    incremental = False
    if isinstance(plugin, DossierPlugin):
        plugin.progress = pages
        # each error line once, as the article is read (above the analysis bar, if any)
        plugin.report_error = lambda line: tqdm.write(f"error: {line}", file=sys.stderr)
        incremental, reason = plugin.prepare(config, full=full)
        if not incremental and not full:
            click.echo(f"full build: {reason}", err=True)
    try:
        # swapped in whole: a killed build leaves the old site
        build_site(config, dirty=incremental)
    except NavChanged:
        if not isinstance(plugin, DossierPlugin):
            raise  # only the plugin's incremental build raises it
        click.echo("full build: the navigation changed", err=True)
        plugin.prepare(config, full=True)
        build_site(config)


@main.command()
@_config_file_option
@click.option("-a", "--dev-addr", default="127.0.0.1:8000", show_default=True)
def serve(config_file: Path, dev_addr: str) -> None:
    """Preview the site; articles added to seeds/ appear without a restart."""

    mkdocs_serve(config_file=str(config_file), dev_addr=dev_addr, livereload=True)


@main.command()
@click.argument("out", type=click.Path(file_okay=False, path_type=Path))
@_config_file_option
def export(out: Path, config_file: Path) -> None:
    """Write the generated Markdown pages into OUT (for those who want them on disk)."""

    config = _mkdocs_config(config_file, None, False)
    plugin = config.plugins.get("dossier")
    if not isinstance(plugin, DossierPlugin):
        raise click.ClickException(f"{config_file}: the dossier plugin is not enabled")
    plugin.on_config(config)
    docs = Path(config.docs_dir).resolve()
    if out.resolve() == docs or docs in out.resolve().parents:
        # Pages written there would overwrite the user's own, then shadow the generated ones.
        raise click.ClickException(
            f"{out}: is inside the docs folder {docs}; export to a folder of its own"
        )
    collected = collect_reports(
        plugin._path(plugin.config.seeds),
        plugin._path(plugin.config.cache_dir),
        model=plugin.config.model,
        date=plugin.config.date,
        summary_size=plugin.config.summary_sentences,
        jobs=plugin.config.jobs,
        scheduler=plugin.config.scheduler,
    )
    for line in collected.errors:
        click.echo(f"error: {line}", err=True)
    root = out.resolve()
    for rel, content in render_site(
        make_env([plugin._path(plugin.config.templates)]), collected.reports
    ).items():
        target = (root / rel).resolve()
        if root not in target.parents:
            raise click.ClickException(f"refusing to write outside {root}: {rel}")
        atomic_write(target, content)
    click.echo(f"wrote {out}", err=True)
    if collected.errors:
        sys.exit(1)


def _networks(
    ctx: click.Context, param: click.Parameter, values: tuple[str, ...]
) -> tuple[IPNetwork, ...]:
    networks = []
    for value in values:
        try:
            networks.append(ipaddress.ip_network(value, strict=False))
        except ValueError:
            raise click.BadParameter(f"{value!r} is not an IP address or network") from None
    return tuple(networks)


ADD_ADDED, ADD_FAILED, ADD_ALREADY_THERE = 0, 1, 3
"""`dossier add` exit codes: all added; something failed; nothing failed but a URL given was
already in seeds/ (2 is a usage error)."""


@main.command()
@click.argument("urls", nargs=-1)
@click.option(
    "--feed",
    "feeds",
    multiple=True,
    metavar="URL",
    help="An RSS or Atom feed: add its entries that are new since the last run.",
)
@click.option(
    "--seeds",
    default="seeds",
    show_default=True,
    type=click.Path(file_okay=False, path_type=Path),
    help="The folder of articles.",
)
@click.option(
    "--cache-dir",
    default=".dossier",
    show_default=True,
    type=click.Path(file_okay=False, path_type=Path),
    help="Where to remember the feed entries already added.",
)
@click.option(
    "--allow-private",
    is_flag=True,
    help="Also fetch from loopback (localhost), private, link-local and other non-public "
    "addresses; refused by default, also after redirects and for feed entries.",
)
@click.option(
    "--allow-network",
    "networks",
    multiple=True,
    metavar="NETWORK",
    callback=_networks,
    help="Fetch from this non-public address or network anyway (e.g. 10.1.2.0/24); repeatable.",
)
@click.option(
    "--allow-downgrade",
    is_flag=True,
    help="Follow redirects from https: to unencrypted http:.",
)
@click.option(
    "--ignore-robots",
    is_flag=True,
    help="Fetch pages that the site's robots.txt does not allow.",
)
@click.option(
    "--timeout",
    default=DEADLINE,
    show_default=True,
    type=click.FloatRange(min=1),
    metavar="SECONDS",
    help="Most time one page (with its redirects) may take.",
)
@click.option(
    "--pace",
    default=PACE,
    show_default=True,
    type=click.FloatRange(min=0),
    metavar="SECONDS",
    help="Least time between two requests to the same host.",
)
def add(
    urls: tuple[str, ...],
    feeds: tuple[str, ...],
    seeds: Path,
    cache_dir: Path,
    allow_private: bool,
    networks: tuple[IPNetwork, ...],
    allow_downgrade: bool,
    ignore_robots: bool,
    timeout: float,
    pace: float,
) -> None:
    """Fetch web pages (or a feed's new articles) into seeds/ as Markdown articles.

    Exit code 0: everything was added (feeds: every new entry); 1: something could not be
    added (one error line each); 3: nothing failed, but a URL given was already in seeds/.
    """

    if not urls and not feeds:
        raise click.UsageError("give one or more URLs, or --feed URL")
    fetcher = Fetcher(
        FetchPolicy(
            allow_private=allow_private,
            allowed_networks=networks,
            allow_downgrade=allow_downgrade,
            deadline=timeout,
            pace=pace,
            robots=not ignore_robots,
        )
    )
    try:
        index = SeedIndex(seeds, cache_dir)
    except OSError as err:
        raise click.ClickException(f"{seeds}: cannot read the articles ({err})") from None
    failed = already = 0
    for url in urls:
        try:
            outcome = add_url(url, seeds, index, fetcher)
        except (FetchError, AddError) as err:
            click.echo(f"error: {err}", err=True)
            failed += 1
            continue
        except Exception as err:  # noqa: BLE001 - one bad page never stops the others
            click.echo(f"error: {url}: cannot be added ({type(err).__name__}: {err})", err=True)
            failed += 1
            continue
        click.echo(outcome.message, err=outcome.path is None)
        for line in outcome.warnings:
            click.echo(f"warning: {line}", err=True)
        already += outcome.path is None  # a refused duplicate was asked for by name
    for feed in feeds:
        try:
            run = add_feed(feed, seeds, cache_dir, index, fetcher)
        except (FetchError, AddError) as err:
            click.echo(f"error: {err}", err=True)
            failed += 1
            continue
        except Exception as err:  # noqa: BLE001 - one bad feed never stops the others
            click.echo(f"error: {feed}: cannot be read ({type(err).__name__}: {err})", err=True)
            failed += 1
            continue
        for outcome in run.added:
            click.echo(outcome.message, err=outcome.path is None)
        for line in run.warnings:
            click.echo(f"warning: {line}", err=True)
        for line in run.errors:
            click.echo(f"error: {line}", err=True)
        failed += len(run.errors)
        new = sum(outcome.path is not None for outcome in run.added)
        refused = f", {run.refused_before} refused earlier" if run.refused_before else ""
        click.echo(
            f"{feed}: {new} new article(s), {run.seen_before} seen in earlier runs{refused}",
            err=True,
        )
    sys.exit(ADD_FAILED if failed else ADD_ALREADY_THERE if already else ADD_ADDED)


@main.command(name="eval")
@click.argument(
    "task",
    type=click.Choice(
        ["timex", "entities", "figures", "quotes", "hedges", "summaries", "realnews"]
    ),
)
@click.option(
    "--data",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="A JSONL task file from the evaluation corpora (all tasks but realnews).",
)
@click.option(
    "--pages",
    type=click.Path(exists=True, file_okay=False, path_type=Path),
    help="realnews: the folder of saved pages (with html/ and meta/), e.g. ../shared/realnews.",
)
@click.option(
    "--gold",
    default=Path("gold/realnews"),
    show_default=True,
    type=click.Path(file_okay=False, path_type=Path),
    help="realnews: the folder of gold annotations.",
)
@click.option(
    "--half",
    default="all",
    show_default=True,
    type=click.Choice(["all", "even", "odd"]),
    help="realnews: score all pages, or the even or odd ones in name order.",
)
@click.option(
    "--agreement",
    type=click.Path(exists=True, file_okay=False, path_type=Path),
    help="realnews: score this folder of second annotations against --gold instead.",
)
@click.option("--details", is_flag=True, help="realnews: list every wrong item by page.")
@click.option("--limit", type=int, help="Score only the first N records.")
@click.option("--model", help="spaCy model to load instead of the default.")
@click.option("--summary-sentences", default=None, type=click.IntRange(1, 20),
              help="Summary length [default: 3; realnews: fitted, as on the site].")  # fmt: skip
@click.option(
    "--dump",
    type=click.Path(file_okay=False, path_type=Path),
    help="Also write each report as DIR/<id>.json.",
)
def evaluate(
    task: str,
    data: Path | None,
    pages: Path | None,
    gold: Path,
    half: str,
    agreement: Path | None,
    details: bool,
    limit: int | None,
    model: str | None,
    summary_sentences: int | None,
    dump: Path | None,
) -> None:
    """Run the analyser over gold data and print its scores as JSON."""
    if task == "realnews":
        if pages is None:
            raise click.UsageError("realnews needs --pages (the folder of saved pages)")
        if not gold.is_dir():
            raise click.UsageError(f"{gold}: no such folder of gold annotations")
        if agreement is not None:
            result = realnews.agreement(pages, gold, agreement)
        else:
            result = realnews.run(
                pages, gold, model=model, summary_size=summary_sentences, dump=dump,
                half=half, details=details,
            )  # fmt: skip
        click.echo(json.dumps(result, indent=2, ensure_ascii=False))
        return
    if data is None:
        raise click.UsageError(f"{task} needs --data (a JSONL task file)")
    scores = run_evaluation(
        task, data, limit=limit, model=model, summary_size=summary_sentences or 3, dump=dump
    )
    click.echo(scores)


if __name__ == "__main__":
    main()
