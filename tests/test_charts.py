"""macros/site/charts.py: figures written as people write them, and charts described in words."""

from __future__ import annotations

import datetime as dt

from macros.data import model
from macros.site.charts import describe, line_chart, number

SOURCE = {"document": "A report", "publisher": "A council", "kind": "council paper", "url": "https://example.org/report"}


def metric(values, target=None):
    points = [{"date": dt.date(2021, 1 + i, 1).isoformat(), "value": str(v), "source": SOURCE} for i, v in enumerate(values)]
    extra = {"target": str(target), "target_source": SOURCE} if target is not None else {}
    return model.Metric(id="m", title="Caseload <b>", unit="children", description="d", points=points, **extra)


def test_figures_drop_a_needless_point_zero():
    assert [number(v) for v in (18.0, 9.5, 1234.0, 0.25)] == ["18", "9.5", "1,234", "0.25"]


def test_the_description_gives_the_period_first_and_latest_figures_and_target():
    words = describe(metric([24, 25, 18], target=18))
    assert words == ("3 figures from 1 January 2021 to 1 March 2021. It was 24 at first and 18 most recently "
                     "(children). Lowest 18, highest 25. The target is 18.")


def test_a_single_figure_is_drawn_and_described():
    svg = str(line_chart(metric([9]), "c"))
    assert svg.count("<circle") == 1
    assert "The figure was 9 (children)." in describe(metric([9]))


def test_chart_text_is_escaped():
    svg = str(line_chart(metric([1, 2]), "c"))
    assert "Caseload &lt;b&gt;" in svg and "<b>" not in svg
