"""Campaign work bulletins (工作简报): parsing, validation and indexes as plain Python.

Nothing in this package imports MkDocs except `site.py`, the one place that knows about
MkDocs `File` objects; everything else is pure functions over strings and dataclasses, so
that the scripts, the tests and a later move away from MkDocs can use it as it is.
"""
