"""Checks, from a built site's HTML, that other bodies' findings are shown as the data says: each in
full with its sources, on exactly the recommendations it names, and apart from the council's status.
Shared by the real-site and example-site tests."""

from __future__ import annotations

import re

from sites import Site

from macros.data import model
from macros.data.portal import Portal
from macros.site.render import long_date, status_label

FINDINGS = "findings/"


def words(element) -> str:
    """An element's text as a person reads it: one space between words, none before punctuation."""
    text = " ".join(element.get_text(" ").split())
    return re.sub(r"([(“]) ", r"\1", re.sub(r" ([,.;:)”])", r"\1", text))


def check_sources_shown(site: Site, page: str, element, sources: list[model.Source]) -> None:
    """Each source is linked (when online) or explained, with its publisher and its kind."""
    text = words(element)
    for src in sources:
        if src.meeting:
            continue
        assert src.publisher in text and f"({src.kind.value}" in text, (page, src.document)
        if src.kind == model.DocumentKind.PRESS:
            assert f"as reported by {src.publisher}" in text, (page, src.document)
        if src.online:
            links = [a for a in element.select("a[rel~=external]") if a["href"] == src.url]
            assert links and words(links[0]) == " ".join(src.document.split()), (page, src.url)
        else:
            assert f"Not online: {' '.join(src.why_no_url.split())}" in text, (page, src.document)


def check_findings_page(site: Site, portal: Portal) -> int:
    """Every finding has its own section, found by its ID, with everything the data gives."""
    content = site.content(FINDINGS)
    shown = content.select("[data-finding]")
    assert [s["data-finding"] for s in shown] == [f.id for f in reversed(portal.others.timeline)]  # newest first
    for finding in portal.findings:
        heading = content.find(id=finding.id)
        assert heading.name == "h3" and words(heading).startswith(f"{long_date(finding.date)}: {finding.title}")
        section = content.select_one(f'[data-finding="{finding.id}"]')
        text = words(section)
        body = portal.body(finding.body)
        assert section.find("a", string=body.name), finding.id
        kind = section.find("a", string=status_label(finding.kind))
        target, fragment = site.resolve(FINDINGS, kind["href"])
        assert site.content(target).find(id=fragment) is not None, (finding.id, kind["href"])
        assert " ".join(finding.summary.split()) in text
        if finding.overall:
            assert f"Overall effectiveness {status_label(finding.overall)}" in text
        rows = [[words(cell) for cell in row.find_all(["th", "td"])] for row in section.select("tbody tr")]
        assert rows == [[j.area, status_label(j.grade)] for j in finding.judgements]
        notes = section.select(".sp-finding-notes > li")
        assert [li["data-id"] for li in notes] == [n.recommendation for n in finding.recommendations]
        for li, note in zip(notes, finding.recommendations, strict=True):
            assert " ".join(note.said.split()) in words(li)
            assert site.resolve(FINDINGS, li.a["href"])[0] == f"recommendations/{note.recommendation}/"
        check_sources_shown(site, FINDINGS, section, finding.sources)
        assert section.select(".sp-status") == []  # another body's finding never wears a council status
    return len(shown)


def check_findings_on_recommendations(site: Site, portal: Portal) -> int:
    """Each recommendation's page shows exactly the findings that name it, with what each said,
    after the council's own status and apart from it."""
    shown = 0
    for rec in portal.recommendations:
        url = f"recommendations/{rec.id}/"
        others = site.content(url).select_one(".sp-others")
        items = others.select(".sp-findings > li")
        named = [(f, n) for f in reversed(portal.others.timeline) for n in f.recommendations
                 if n.recommendation == rec.id]
        assert [li["data-finding"] for li in items] == [f.id for f, _ in named], url
        latest = portal.latest(rec)
        for li, (finding, note) in zip(items, named, strict=True):
            text = words(li)
            assert f"What it found: {' '.join(note.said.split())}" in text, url
            assert site.resolve(url, li.select_one(".sp-finding-head a")["href"]) == (FINDINGS, finding.id)
            assert ("Published after the council's latest reported status" in text) == (finding.date > latest.date)
            check_sources_shown(site, url, li, finding.sources)
            assert li.select(".sp-status") == []
        if not named:
            assert f"No finding by another body in this portal names {rec.ref}." in words(others)
        shown += len(items)
    return shown
