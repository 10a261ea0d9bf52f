"""Every status word on every page links to its definition on the definitions page."""

from __future__ import annotations

from sites import Site

from macros.data.model import STATUS_MEANINGS, TERM_MEANINGS
from macros.site.render import status_label


def check_status_links(site: Site) -> None:
    definitions = site.content("definitions/")
    for status, meaning in STATUS_MEANINGS.items():
        term = definitions.find(id=f"status-{status.value.replace(' ', '-')}")
        assert term.get_text(strip=True) == status_label(status)
        assert term.find_next_sibling("dd").get_text(strip=True) == meaning
    for term in TERM_MEANINGS:
        assert definitions.find(id=f"term-{term.replace(' ', '-')}") is not None
    seen = 0
    for url in site.pages():
        if not (url.endswith("/") or url == "") or site.content(url) is None:
            continue
        for word in site.content(url).select("a.sp-status, a.sp-overdue, a.sp-flag"):
            target, fragment = site.resolve(url, word["href"])
            assert target == "definitions/", (url, word)
            assert definitions.find(id=fragment) is not None, (url, word)
            seen += 1
    assert seen
