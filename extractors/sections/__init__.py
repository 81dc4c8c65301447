"""Section rules: one small module per kind of section, each a pure function of the document
flow (see `base.Context`). A new kind of section is one new module plus its entry in
`extractors.extract.RULES`."""
