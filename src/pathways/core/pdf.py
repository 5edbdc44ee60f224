"""HTML to PDF with WeasyPrint, the one way every printable page of the site does it."""


def html_to_pdf(html: str) -> bytes:
    """A tagged PDF (PDF/UA-1: structure, language and real text for screen readers). The
    templates inline their stylesheets and images, so nothing is fetched (no base URL)."""
    from weasyprint import HTML  # imported here: only PDF requests need it (and pango)

    return bytes(HTML(string=html, base_url=None).write_pdf(pdf_variant="pdf/ua-1") or b"")
