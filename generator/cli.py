"""The `dossier` command: analyse articles, build or serve the site, evaluate on gold data."""

from __future__ import annotations

import sys
from pathlib import Path

import click
from tqdm import tqdm

from .analyze import analyze_articles
from .cache import atomic_write
from .ingest import IngestError, discover, parse_date, read_all
from .nlp import load_model


def _check_date(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    if value is None:
        return None
    try:
        return parse_date(value, "--date")
    except IngestError as err:
        raise click.BadParameter(str(err).split(": ", 1)[1]) from None


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
@click.option("--summary-sentences", default=4, show_default=True, type=click.IntRange(1, 20))
def analyze(
    paths: tuple[Path, ...],
    out: Path | None,
    date: str | None,
    model: str | None,
    summary_sentences: int,
) -> None:
    """Analyse article files or folders and write their reports as JSON."""
    files = discover(paths)
    if not files:
        raise click.ClickException("no .txt or .md articles found in " + ", ".join(map(str, paths)))
    if out is None and len(files) > 1:
        raise click.UsageError("several articles: give --out DIR to write one JSON file each")
    errors = 0
    articles = []
    for _path, item in read_all(files, date):
        if isinstance(item, IngestError):
            click.echo(f"error: {item}", err=True)
            errors += 1
        else:
            articles.append(item)
    nlp = load_model(model)
    bar = tqdm(total=len(articles), desc="analysing", unit="article", disable=None, file=sys.stderr)
    for report in analyze_articles(nlp, articles, summary_sentences):
        if out is None:
            click.echo(report.to_json(), nl=False)
        else:
            atomic_write(out / f"{report.article.id}.json", report.to_json())
        bar.update(1)
    bar.close()
    if errors:
        click.echo(f"{errors} article(s) could not be read", err=True)
        sys.exit(1)


def _mkdocs_config(config_file: Path, site_dir: Path | None, strict: bool):  # type: ignore[no-untyped-def]
    from mkdocs.config import load_config

    options = {"strict": strict}
    if site_dir is not None:
        options["site_dir"] = str(site_dir)
    return load_config(str(config_file), **options)


@main.command()
@click.option(
    "-f",
    "--config-file",
    default="mkdocs.yml",
    show_default=True,
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
)
@click.option(
    "-d",
    "--site-dir",
    type=click.Path(file_okay=False, path_type=Path),
    help="Where to write the site (default: site/).",
)
@click.option("--strict", is_flag=True, help="Stop on MkDocs warnings.")
def build(config_file: Path, site_dir: Path | None, strict: bool) -> None:
    """Analyse what is new or changed in seeds/ and build the site with MkDocs."""
    from mkdocs.exceptions import Abort, ConfigurationError

    from .lock import BuildLocked
    from .publish import build_site

    try:
        config = _mkdocs_config(config_file, site_dir, strict)
        build_site(config)  # locked, and swapped in whole: a killed build leaves the old site
    except (Abort, ConfigurationError, BuildLocked) as err:
        raise click.ClickException(str(err)) from None
    plugin = config.plugins.get("dossier")
    errors = getattr(plugin, "errors", [])
    click.echo(f"site built in {config.site_dir}", err=True)
    if errors:
        click.echo(f"{len(errors)} article(s) could not be read:", err=True)
        for line in errors:
            click.echo(f"  {line}", err=True)
        sys.exit(1)


@main.command()
@click.option(
    "-f",
    "--config-file",
    default="mkdocs.yml",
    show_default=True,
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
)
@click.option("-a", "--dev-addr", default="127.0.0.1:8000", show_default=True)
def serve(config_file: Path, dev_addr: str) -> None:
    """Preview the site; articles added to seeds/ appear without a restart."""
    from mkdocs.commands.serve import serve as mkdocs_serve

    mkdocs_serve(config_file=str(config_file), dev_addr=dev_addr, livereload=True)


@main.command()
@click.argument("out", type=click.Path(file_okay=False, path_type=Path))
@click.option(
    "-f",
    "--config-file",
    default="mkdocs.yml",
    show_default=True,
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
)
def export(out: Path, config_file: Path) -> None:
    """Write the generated Markdown pages into OUT (for those who want them on disk)."""
    from .build import collect_reports
    from .mkdocs_plugin import DossierPlugin
    from .render import make_env, render_site

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
        summary_size=plugin.config.summary_sentences,
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


@main.command(name="eval")
@click.argument(
    "task", type=click.Choice(["timex", "entities", "figures", "quotes", "hedges", "summaries"])
)
@click.option(
    "--data",
    required=True,
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="A JSONL task file from the evaluation corpora.",
)
@click.option("--limit", type=int, help="Score only the first N records.")
@click.option("--model", help="spaCy model to load instead of the default.")
@click.option("--summary-sentences", default=3, show_default=True, type=click.IntRange(1, 20))
@click.option(
    "--dump",
    type=click.Path(file_okay=False, path_type=Path),
    help="Also write each report as DIR/<id>.json.",
)
def evaluate(
    task: str,
    data: Path,
    limit: int | None,
    model: str | None,
    summary_sentences: int,
    dump: Path | None,
) -> None:
    """Run the analyser over a gold task file and print its scores as JSON."""
    from .evaluate import run

    scores = run(task, data, limit=limit, model=model, summary_size=summary_sentences, dump=dump)
    click.echo(scores)


if __name__ == "__main__":
    main()
