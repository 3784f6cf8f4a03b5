"""The MkDocs plugin `dossier` (`plugin`): the report pages as generated files, kept in
a page store (`pagestore`), rendered again only when they changed (`incremental`), and published
in one swap (`publish`).

`DossierPlugin` is named here because the `mkdocs.plugins` entry point `dossier` points at
`generator.mkdocs_plugin:DossierPlugin`.
"""

from generator.mkdocs_plugin.plugin import DossierPlugin

__all__ = ["DossierPlugin"]
