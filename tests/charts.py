"""Checks, from a built site's HTML, that every chart has a text alternative and the same figures as a
table, and that a measure with no figures says so instead of drawing an empty chart."""

from __future__ import annotations

from sites import Site

from macros.data.portal import Portal
from macros.site.charts import figure_date, figure_value

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
        points = sorted(metric.points, key=lambda p: p.date)
        assert metric.title in title.get_text() and figure_date(points[0]) in desc.get_text()
        assert len(svg.select("circle.sp-chart-point")) == len(metric.points)
        # A range ("18 to 22") is drawn as a bar as well as a point, and written as a range.
        assert len(svg.select("line.sp-chart-range")) == sum(p.up_to is not None for p in points)
        rows = [(tr.th.get_text(), tr.td.get_text()) for tr in section.select("table tbody tr")]
        assert rows == [(figure_date(p), figure_value(p)) for p in points], metric.id
        assert section.find("table").caption.get_text().startswith(metric.title)
    for script in site.html(URL).find_all("script", src=True):
        assert not script["src"].startswith("http"), script  # nothing fetched from elsewhere
    return drawn
