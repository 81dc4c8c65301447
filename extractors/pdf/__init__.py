"""Reading PDFs into the document model (see `extractors.pdf.read.read_document`)."""
