"""Development tool: typeset sample annual-report PDFs from content files.

Run from the project root with ``python -m reportgen``; see ``reportgen.registry`` for the
(content file, layout) pairs that get built.
"""
