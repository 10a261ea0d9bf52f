"""Charts drawn at build time as inline, accessible SVG: no JavaScript and nothing fetched.

Each chart is an <svg role="img"> with a <title> and a <desc> that say in words what it shows; the
page puts the same figures in a table beside it. Colours come from the stylesheet, so the chart
follows the light and dark schemes and prints in black.
"""

from __future__ import annotations

import datetime as dt
import math

from markupsafe import Markup, escape

from ..data import model
from ..data.clock import MONTHS, long_date

WIDTH, HEIGHT = 560, 280
LEFT, RIGHT, TOP, BOTTOM = 56, 24, 20, 44  # room for the axis labels


def number(value: float) -> str:
    """A figure as people write it: 18, not 18.0; 9.5 stays 9.5."""
    return f"{value:,.0f}" if float(value).is_integer() else f"{value:,.2f}".rstrip("0")


def figure_date(point: model.MetricPoint) -> str:
    """When a figure applies: "February 2019" for a month's figure, else "15 May 2019"."""
    return f"{MONTHS[point.date.month - 1]} {point.date.year}" if point.month else long_date(point.date)


def figure_value(point: model.MetricPoint) -> str:
    """A figure as reported: "18", or "18 to 22" for a range."""
    return number(point.value) + ("" if point.up_to is None else f" to {number(point.up_to)}")


def latest_points(metric: model.Metric, limit: int | None = None) -> list[model.MetricPoint]:
    """A measure's figures, oldest first: all of them, or the latest `limit`."""
    points = sorted(metric.points, key=lambda p: p.date)
    return points[-limit:] if limit else points


def describe(metric: model.Metric, points: list[model.MetricPoint] | None = None) -> str:
    """The chart in words: its period, first and latest figures, lowest and highest, and the target."""
    points = points or latest_points(metric)
    first, last = points[0], points[-1]
    words = [
        f"{len(points)} figure{'s' if len(points) != 1 else ''} from {figure_date(first)}"
        + (f" to {figure_date(last)}" if len(points) > 1 else "")
        + "."
    ]
    if len(points) > 1:
        words.append(f"It was {figure_value(first)} at first and {figure_value(last)} most recently ({metric.unit}).")
        low, high = min(p.value for p in points), max(_top(p) for p in points)
        words.append(f"Lowest {number(low)}, highest {number(high)}.")
    else:
        words.append(f"The figure was {figure_value(first)} ({metric.unit}).")
    if any(p.up_to is not None for p in points):
        words.append("A figure reported as a range is drawn as a bar from its lowest to its highest value.")
    if metric.target is not None:
        words.append(f"The target is {number(metric.target)}.")
    return " ".join(words)


def _top(point: model.MetricPoint) -> float:
    return point.value if point.up_to is None else point.up_to


def _nice_top(value: float) -> float:
    """A round number a little above the largest value, for the top of the axis."""
    if value <= 0:
        return 1.0
    magnitude = 10 ** math.floor(math.log10(value))
    for step in (1, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10):
        if step * magnitude >= value * 1.05:
            return step * magnitude
    return 10 * magnitude


def line_chart(metric: model.Metric, chart_id: str, limit: int | None = None) -> Markup:
    """One metric's points (or its latest `limit`) as an SVG line chart, with its target as a
    dashed line if it has one."""
    points = latest_points(metric, limit)
    values = [p.value for p in points] + [_top(p) for p in points]
    values += [metric.target] if metric.target is not None else []
    top = _nice_top(max(values))
    bottom = min(0.0, min(values))
    start, end = points[0].date.toordinal(), points[-1].date.toordinal()
    plot_w, plot_h = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM

    def x(day: dt.date) -> float:
        return LEFT + (plot_w / 2 if end == start else (day.toordinal() - start) / (end - start) * plot_w)

    def y(value: float) -> float:
        return TOP + plot_h - (value - bottom) / (top - bottom) * plot_h

    parts = [
        f'<svg class="sp-chart" role="img" viewBox="0 0 {WIDTH} {HEIGHT}" '
        f'aria-labelledby="{chart_id}-title {chart_id}-desc" xmlns="http://www.w3.org/2000/svg">',
        f'<title id="{chart_id}-title">{escape(metric.title)} ({escape(metric.unit)})</title>',
        f'<desc id="{chart_id}-desc">{escape(describe(metric, points))}</desc>',
    ]
    for step in range(5):  # horizontal grid lines with their values
        value = bottom + (top - bottom) * step / 4
        parts.append(
            f'<line class="sp-chart-grid" x1="{LEFT}" x2="{WIDTH - RIGHT}" y1="{y(value):.1f}" y2="{y(value):.1f}"/>'
        )
        parts.append(
            f'<text class="sp-chart-label" x="{LEFT - 6}" y="{y(value) + 4:.1f}" text-anchor="end">'
            f"{number(value)}</text>"
        )
    for point, anchor in ((points[0], "start"), (points[-1], "end")) if end != start else ((points[0], "middle"),):
        parts.append(
            f'<text class="sp-chart-label" x="{x(point.date):.1f}" y="{HEIGHT - 16}" text-anchor="{anchor}">'
            f"{escape(figure_date(point))}</text>"
        )
    if metric.target is not None:
        parts.append(
            f'<line class="sp-chart-target" x1="{LEFT}" x2="{WIDTH - RIGHT}" '
            f'y1="{y(metric.target):.1f}" y2="{y(metric.target):.1f}"/>'
        )
        parts.append(
            f'<text class="sp-chart-label" x="{LEFT + 6}" y="{y(metric.target) - 6:.1f}" '
            f'text-anchor="start">Target {number(metric.target)}</text>'
        )
    # A range ("18 to 22") is a bar from its low to its high figure; the line joins the bars' middles.
    parts += [
        f'<line class="sp-chart-range" x1="{x(p.date):.1f}" x2="{x(p.date):.1f}" y1="{y(p.value):.1f}" '
        f'y2="{y(p.up_to):.1f}"/>'
        for p in points
        if p.up_to is not None
    ]
    coordinates = " ".join(f"{x(p.date):.1f},{y(p.middle):.1f}" for p in points)
    parts.append(f'<polyline class="sp-chart-line" points="{coordinates}"/>')
    parts += [f'<circle class="sp-chart-point" cx="{x(p.date):.1f}" cy="{y(p.middle):.1f}" r="4"/>' for p in points]
    parts.append("</svg>")
    return Markup("".join(parts))
