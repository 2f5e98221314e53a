"""The MkDocs plugin: the only part of Policy Atlas that imports MkDocs."""
