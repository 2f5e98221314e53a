"""Pure core: no MkDocs, no Markdown."""
