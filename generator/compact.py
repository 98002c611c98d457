"""Generated pages without the indentation of the theme's templates.

Material's templates indent their HTML deeply, and a page's chrome is most of a small page:
over a large digest, the indentation alone was an eighth of the site. A run of white space
that holds a line break renders exactly as one line break, so it becomes one; the content of
<pre>, <textarea> and <script> elements is left as it is.
"""

from __future__ import annotations

import re

_KEPT = re.compile(r"(<(pre|textarea|script)\b.*?</\2\s*>)", re.S | re.I)
_BREAK = re.compile(r"[ \t\r\f]*\n\s*")


def compact_html(html: str) -> str:
    parts = _KEPT.split(html)
    # split() with two groups: text, kept element, its tag name, text, ...
    out = []
    for i in range(0, len(parts), 3):
        out.append(_BREAK.sub("\n", parts[i]))
        if i + 1 < len(parts):
            out.append(parts[i + 1])
    return "".join(out)
