"""The README tells the truth about the command line: every `dossier` command it shows and
every option it gives one exists."""

from __future__ import annotations

import re
from pathlib import Path

import click

from generator.cli import main

README = Path(__file__).resolve().parents[2] / "README.md"
# `dossier CMD` then what follows on the line, up to a comment, a closing backtick or a `)`
COMMAND = re.compile(r"(?<![\w-])dossier (\w+)([^#`)\n]*)")


def options_of(command: click.Command) -> set[str]:
    return {opt for param in command.params for opt in (*param.opts, *param.secondary_opts)}


def test_every_command_and_option_the_readme_names_exists():
    text = README.read_text("utf-8")
    seen = []
    for match in COMMAND.finditer(text):
        name, rest = match.group(1), match.group(2)
        if name == "build" and rest.startswith(" holds"):
            continue  # prose: "`dossier build` holds a lock"
        assert name in main.commands, f"README names `dossier {name}`"
        command = main.commands[name]
        for option in re.findall(r"(?<![\w-])(--?[a-z][\w-]*)", rest):
            assert option in options_of(command) | {"--help"}, f"dossier {name} {option}"
            seen.append((name, option))
    assert ("build", "--full") in seen and ("build", "--jobs") in seen
    # the options named in the list under the commands
    for line in re.findall(r"^- `(--[\w-]+)[^`]*` \(on ([^)]*)\)", text, re.MULTILINE):
        option, where = line
        for name in re.findall(r"`dossier (\w+)`", where):
            assert option in options_of(main.commands[name]), f"dossier {name} {option}"
    for name in ("serve", "export", "build", "analyze", "add", "eval"):
        assert f"dossier {name}" in text, f"the README does not document `dossier {name}`"
