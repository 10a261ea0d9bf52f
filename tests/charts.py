"""Checks, from a built site's HTML, that every chart has a text alternative and the same figures as a
table, and that a measure with no figures says so instead of drawing an empty chart."""

from __future__ import annotations

from sites import Site

from macros.site.charts import number
from macros.data.portal import Portal
from macros.site.render import long_date

URL = "metrics/"


def check_charts(site: Site, portal: Portal) -> int:
    content = site.content(URL)
    drawn = 0
    for metric in portal.metrics:
        section = content.find(id=metric.id)
        svg = section.find("svg")
        if not metric.points:
            assert svg is None and section.find("table") is None, metric.id
            assert "No data yet." in section.get_text()
            continue
        drawn += 1
        assert svg["role"] == "img"
        title, desc = svg.find("title"), svg.find("desc")
        assert svg["aria-labelledby"].split() == [title["id"], desc["id"]]
        assert metric.title in title.get_text() and long_date(metric.points[0].date) in desc.get_text()
        assert len(svg.select("circle.sp-chart-point")) == len(metric.points)
        rows = [(tr.th.get_text(), tr.td.get_text()) for tr in section.select("table tbody tr")]
        points = sorted(metric.points, key=lambda p: p.date)
        assert rows == [(long_date(p.date), number(p.value)) for p in points], metric.id
        assert section.find("table").caption.get_text().startswith(metric.title)
    for script in site.html(URL).find_all("script", src=True):
        assert not script["src"].startswith("http"), script  # nothing fetched from elsewhere
    return drawn
