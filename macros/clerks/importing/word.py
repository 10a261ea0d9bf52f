"""A Word document (.docx) read as lines: mammoth turns it into plain HTML, read as a web page is.

Word's own headings, lists and tables come through as such; the lines are numbered by paragraph
(Word shows no line numbers), so a message's number counts paragraphs from the top.
"""

from __future__ import annotations

import io
import zipfile

import mammoth

from . import webpage
from .source import Export, UnreadableExport

# Word's usual heading styles by name as well as by outline level, so a clerk's "Title" paragraph
# or a council template's "Minute Heading" still reads as a heading.
STYLE_MAP = """
p[style-name='Title'] => h1:fresh
p[style-name='Subtitle'] => h2:fresh
p[style-name^='Minute Heading'] => h3:fresh
p[style-name^='Item Heading'] => h2:fresh
"""


def read(data: bytes) -> Export:
    try:
        result = mammoth.convert_to_html(io.BytesIO(data), style_map=STYLE_MAP, ignore_empty_paragraphs=False)
    except (zipfile.BadZipFile, KeyError, ValueError):
        raise UnreadableExport(
            "this is not a Word document that can be read (.docx) — open it in Word and save it again "
            "as a Word document (.docx)"
        ) from None
    export = webpage.read(result.value, numbered_by_paragraph=True)
    if "<ol" in result.value:
        export.notes.append(
            (
                1,
                "this document uses Word's automatic numbering, which the file does not store as text: "
                "numbered paragraphs were counted from 1 — check each number against the document",
            )
        )
    return export
