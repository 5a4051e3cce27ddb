"""The Laporan's charts, drawn with reportlab.graphics (vector, no image files).

Every chart takes plain numbers and labels, so it can be checked without a database and
reused by other reports. Labels use the embedded Unicode font like all other text.
"""

from __future__ import annotations

from collections.abc import Sequence

from reportlab.graphics.charts.barcharts import HorizontalBarChart, VerticalBarChart
from reportlab.graphics.charts.legends import Legend
from reportlab.graphics.shapes import Drawing, String
from reportlab.lib import colors

from desa_app.core.exports.pdf.fonts import FONT, FONT_BOLD
from desa_app.core.exports.pdf.styles import number

PALETTE = (colors.HexColor("#1f4e79"), colors.HexColor("#e08a1e"),
           colors.HexColor("#4f9d4a"), colors.HexColor("#b03a48"),
           colors.HexColor("#7a5aa6"), colors.HexColor("#8c8c8c"))
MALE = colors.HexColor("#2e75b6")
FEMALE = colors.HexColor("#d9668c")


def _axis_step(largest: float) -> float:
    """A round tick step giving about five ticks up to ``largest``."""
    if largest <= 5:
        return 1
    raw = largest / 5
    magnitude = float(10 ** (len(str(int(raw))) - 1))
    for factor in (1, 2, 2.5, 5, 10):
        if raw <= factor * magnitude:
            return factor * magnitude
    return 10 * magnitude  # pragma: no cover


def _title(drawing: Drawing, title: str, width: float, height: float) -> None:
    drawing.add(String(width / 2, height - 12, title, fontName=FONT_BOLD, fontSize=9,
                       textAnchor="middle"))


def _empty(title: str, width: float) -> Drawing:
    """A chart with nothing to show yet (a new village): its title and a short note,
    rather than axes around nothing."""
    drawing = Drawing(width, 40)
    _title(drawing, title, width, 40)
    drawing.add(String(width / 2, 10, "Belum ada data.", fontName=FONT, fontSize=8,
                       textAnchor="middle", fillColor=colors.HexColor("#555555")))
    return drawing


def _legend(drawing: Drawing, names: Sequence[str], fills: Sequence[colors.Color], x: float,
            y: float) -> None:
    if len(names) < 2:
        return
    legend = Legend()
    legend.x, legend.y = x, y
    legend.fontName, legend.fontSize = FONT, 7.5
    legend.alignment = "right"
    legend.columnMaximum = 1
    legend.deltax = 85
    legend.dx = legend.dy = 7
    legend.dxTextSpace = 4
    legend.colorNamePairs = list(zip(fills, names, strict=True))
    drawing.add(legend)


def horizontal_bars(title: str, labels: Sequence[str], series: Sequence[Sequence[float]],
                    names: Sequence[str], width: float, *, bar_height: float = 11,
                    label_width: float = 150) -> Drawing:
    """Horizontal bars, one row per label, one bar per series (first row on top)."""
    if not any(any(s) for s in series):
        return _empty(title, width)
    rows = max(1, len(labels))
    plot_height = rows * bar_height * max(1, len(series)) + rows * 4
    height = plot_height + 48
    drawing = Drawing(width, height)
    _title(drawing, title, width, height)
    chart = HorizontalBarChart()
    chart.x, chart.y = label_width, 24
    chart.width, chart.height = width - label_width - 30, plot_height
    chart.data = [list(reversed(s)) for s in series] or [[0]]
    chart.categoryAxis.categoryNames = list(reversed(labels))
    chart.categoryAxis.labels.fontName = FONT
    chart.categoryAxis.labels.fontSize = 7.5
    chart.categoryAxis.labels.boxAnchor = "e"
    chart.categoryAxis.labels.dx = -3
    chart.valueAxis.labels.fontName = FONT
    chart.valueAxis.labels.fontSize = 7
    largest = max((max(s) for s in series if s), default=1) or 1
    chart.valueAxis.valueMin = 0
    chart.valueAxis.valueStep = _axis_step(largest)
    chart.valueAxis.valueMax = largest * 1.15
    chart.valueAxis.labelTextFormat = lambda v: number(v)
    chart.barLabelFormat = lambda v: number(v)
    chart.barLabels.fontName = FONT
    chart.barLabels.fontSize = 6.5
    chart.barLabels.boxAnchor = "w"
    chart.barLabels.dx = 2
    chart.groupSpacing = 4
    for index in range(len(series)):
        chart.bars[index].fillColor = PALETTE[index % len(PALETTE)]
        chart.bars[index].strokeColor = None
    drawing.add(chart)
    _legend(drawing, names, PALETTE[:len(names)], label_width, 8)
    return drawing


def vertical_bars(title: str, labels: Sequence[str], values: Sequence[float],
                  width: float, height: float = 150) -> Drawing:
    """One series of vertical bars (weekly counts)."""
    if not any(values):
        return _empty(title, width)
    drawing = Drawing(width, height)
    _title(drawing, title, width, height)
    chart = VerticalBarChart()
    chart.x, chart.y = 40, 30
    chart.width, chart.height = width - 60, height - 60
    chart.data = [list(values) or [0]]
    chart.categoryAxis.categoryNames = list(labels)
    chart.categoryAxis.labels.fontName = FONT
    chart.categoryAxis.labels.fontSize = 6.5
    chart.categoryAxis.labels.angle = 30
    chart.categoryAxis.labels.boxAnchor = "ne"
    chart.valueAxis.labels.fontName = FONT
    chart.valueAxis.labels.fontSize = 7
    largest = max(values, default=1) or 1
    chart.valueAxis.valueMin = 0
    chart.valueAxis.valueStep = _axis_step(largest)
    chart.valueAxis.valueMax = largest * 1.15
    chart.valueAxis.labelTextFormat = lambda v: number(v)
    chart.barLabelFormat = lambda v: number(v) if v else ""
    chart.barLabels.fontName = FONT
    chart.barLabels.fontSize = 6.5
    chart.barLabels.nudge = 6
    chart.bars[0].fillColor = PALETTE[0]
    chart.bars[0].strokeColor = None
    drawing.add(chart)
    return drawing


def pyramid(title: str, labels: Sequence[str], male: Sequence[int], female: Sequence[int],
            width: float) -> Drawing:
    """The population pyramid: men to the left, women to the right, youngest at the
    bottom. Drawn as one stacked horizontal chart with the men's counts negative."""
    if not any(male) and not any(female):
        return _empty(title, width)
    rows = max(1, len(labels))
    plot_height = rows * 13
    height = plot_height + 56
    drawing = Drawing(width, height)
    _title(drawing, title, width, height)
    chart = HorizontalBarChart()
    chart.x, chart.y = 50, 30
    chart.width, chart.height = width - 80, plot_height
    chart.data = [[-m for m in male] or [0], list(female) or [0]]
    chart.categoryAxis.style = "stacked"
    chart.categoryAxis.categoryNames = list(labels)
    chart.categoryAxis.labels.fontName = FONT
    chart.categoryAxis.labels.fontSize = 7
    chart.categoryAxis.labels.boxAnchor = "e"
    chart.categoryAxis.labels.dx = -chart.width / 2 - 4
    chart.categoryAxis.visibleAxis = False
    chart.categoryAxis.visibleTicks = False
    largest = max([*male, *female, 1])
    step = _axis_step(largest)
    limit = step * (int(largest * 1.1 // step) + 1)
    chart.valueAxis.valueMin, chart.valueAxis.valueMax = -limit, limit
    chart.valueAxis.valueStep = step
    chart.valueAxis.labels.fontName = FONT
    chart.valueAxis.labels.fontSize = 7
    chart.valueAxis.labelTextFormat = lambda v: number(abs(v))
    chart.valueAxis.visibleGrid = True
    chart.valueAxis.gridStrokeColor = colors.HexColor("#dddddd")
    chart.barWidth = 10
    chart.groupSpacing = 2
    chart.bars[0].fillColor, chart.bars[1].fillColor = MALE, FEMALE
    chart.bars[0].strokeColor = chart.bars[1].strokeColor = None
    drawing.add(chart)
    _legend(drawing, ["Laki-laki", "Perempuan"], [MALE, FEMALE], chart.x, 8)
    return drawing
