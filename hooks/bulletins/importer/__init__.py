"""Turn a raw bulletin (text copied out of a PDF, or a Word file) into a bulletin Markdown file.

It lives inside the `bulletins` package, next to the validator its output must pass, so that
scripts/import_bulletin.py, the tests and the build import it the same way (`hooks/` is on
their path); the MkDocs hook never imports it. The steps, one module each:

    sources      bytes or .docx -> text (encoding detected)
    lines        text -> numbered lines; page numbers, separators and running heads marked
    header       masthead, issue number, issuer, date (Chinese numerals and date forms)
    structure    table of contents, article titles, 【】 columns, paragraphs, the 报/发 footer
    punctuation  half-width punctuation made full-width where that is safe
    infer        departments and topics suggested from the registries
    writer       front matter and body as Markdown
    pipeline     all of the above: `import_text(text, registry) -> ImportResult`
"""
