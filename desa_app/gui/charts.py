"""Two small charts drawn with QPainter (QtCharts is not part of PySide6-Essentials).

Both are generic: they take plain rows (key, label, numbers) and know nothing of the
store. Each draws inside its own rectangle with a margin, sizes itself to its rows (a
row is a line of text high, readable at 1366×768), says "no data" when there is nothing
to draw, shows a tooltip on hover and emits ``bar_clicked(key)`` when a bar's row is
clicked, or chosen with the arrow keys and Enter (keyboard-first users).

QPainter drawings are invisible to screen readers: callers set an accessible name, and
the chart puts its figures into its accessible description.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from desa_app.gui.i18n import t
from desa_app.gui.qt import QColor, QSizePolicy, Qt, QtCore, QtGui, QtWidgets, QWidget, Signal

MARGIN = 8
GAP = 8
SPACING = 4


@dataclass(frozen=True)
class Bar:
    key: str  # what ``bar_clicked`` emits
    label: str
    value: int
    total: int | None = None  # drawn as a lighter track behind the bar (e.g. a target)
    text: str | None = None  # shown at the bar's end; the value when None
    color: QColor | None = None  # the chart's colour when None

    @property
    def shown(self) -> str:
        return str(self.value) if self.text is None else self.text


@dataclass(frozen=True)
class PyramidRow:
    key: str
    label: str  # the age group, shown between the two halves
    left: int  # e.g. male
    right: int  # e.g. female
    left_text: str | None = None
    right_text: str | None = None


def _lighter(color: QColor) -> QColor:
    track = QColor(color)
    track.setAlpha(60)
    return track


class _Chart(QWidget):
    """What both charts share: clicking, keyboard choice, tooltips, "no data"."""

    bar_clicked = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.empty_text = t("dashboard.no_data")
        self.current = -1  # the row chosen with the keyboard
        self.clickable = True
        self.setMouseTracking(True)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)

    def set_clickable(self, clickable: bool) -> None:
        """A chart nobody listens to: no hand cursor, no keyboard stop, no signal."""
        self.clickable = clickable
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus if clickable
                            else Qt.FocusPolicy.NoFocus)

    # -- subclasses say where things are -----------------------------------------------
    def _targets(self) -> list[tuple[str, QtCore.QRect, str]]:
        """(key, clickable area, tooltip) of every bar, in keyboard order."""
        raise NotImplementedError

    def is_empty(self) -> bool:
        raise NotImplementedError

    def row_height(self) -> int:
        """Height of one bar's row (rows are ``SPACING`` apart, below a ``MARGIN``): a
        table beside the chart can line its rows up with the bars."""
        return max(18, self.fontMetrics().height() + 6)

    def _content(self) -> QtCore.QRect:
        return self.rect().adjusted(MARGIN, MARGIN, -MARGIN, -MARGIN)

    def _paint_empty(self, painter: QtGui.QPainter) -> None:
        painter.setPen(self.palette().color(QtGui.QPalette.ColorRole.PlaceholderText))
        painter.drawText(self._content(), Qt.AlignmentFlag.AlignCenter, self.empty_text)

    def _paint_focus(self, painter: QtGui.QPainter) -> None:
        targets = self._targets()
        if self.hasFocus() and 0 <= self.current < len(targets):
            pen = QtGui.QPen(self.palette().color(QtGui.QPalette.ColorRole.Highlight))
            pen.setStyle(Qt.PenStyle.DotLine)
            painter.setPen(pen)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRect(targets[self.current][1].adjusted(0, 0, -1, -1))

    # -- interaction -------------------------------------------------------------------
    def key_at(self, point: QtCore.QPoint) -> str | None:
        for key, area, _tip in self._targets():
            if area.contains(point):
                return key
        return None

    def mouseMoveEvent(self, event: QtGui.QMouseEvent) -> None:
        over = self.key_at(event.position().toPoint()) if self.clickable else None
        self.setCursor(Qt.CursorShape.PointingHandCursor if over is not None
                       else Qt.CursorShape.ArrowCursor)
        super().mouseMoveEvent(event)

    def mouseReleaseEvent(self, event: QtGui.QMouseEvent) -> None:
        if self.clickable and event.button() == Qt.MouseButton.LeftButton:
            point = event.position().toPoint()
            for index, (key, area, _tip) in enumerate(self._targets()):
                if area.contains(point):
                    self.current = index
                    self.update()
                    self.bar_clicked.emit(key)
                    return
        super().mouseReleaseEvent(event)

    def keyPressEvent(self, event: QtGui.QKeyEvent) -> None:
        targets = self._targets() if self.clickable else []
        key = event.key()
        if targets and key in (Qt.Key.Key_Down, Qt.Key.Key_Up):
            step = 1 if key == Qt.Key.Key_Down else -1
            self.current = max(0, min(len(targets) - 1, self.current + step))
            self.update()
            return
        if targets and key in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space):
            self.current = max(0, self.current)
            self.bar_clicked.emit(targets[self.current][0])
            return
        super().keyPressEvent(event)

    def event(self, event: QtCore.QEvent) -> bool:
        if event.type() == QtCore.QEvent.Type.ToolTip and isinstance(event, QtGui.QHelpEvent):
            for _key, area, tip in self._targets():
                if area.contains(event.pos()):
                    QtWidgets.QToolTip.showText(event.globalPos(), tip, self, area)
                    return True
            QtWidgets.QToolTip.hideText()
            event.ignore()
            return True
        return super().event(event)

    def _described(self) -> None:
        tips = [tip for _key, _area, tip in self._targets()]
        self.setAccessibleDescription("; ".join(tips) if tips else self.empty_text)


class BarChart(_Chart):
    """Horizontal bars, one per row: label on the left, bar, value at the bar's end."""

    def __init__(self, parent: QWidget | None = None, color: QColor | None = None,
                 show_labels: bool = True) -> None:
        super().__init__(parent)
        self.bars: list[Bar] = []
        self.show_labels = show_labels  # False: a table beside the chart names the rows
        self.color = color or self.palette().color(QtGui.QPalette.ColorRole.Highlight)

    def set_bars(self, bars: Sequence[Bar]) -> None:
        self.bars = list(bars)
        self.current = min(self.current, len(self.bars) - 1)
        self._described()
        self.updateGeometry()
        self.update()

    def is_empty(self) -> bool:
        return not any(b.value or b.total for b in self.bars)

    # -- geometry ----------------------------------------------------------------------
    def _scale(self) -> int:
        return max([max(b.value, b.total or 0) for b in self.bars] or [0])

    def _columns(self) -> tuple[int, int, int, int]:
        """x of the bars' origin, their full length, label width, value width."""
        metrics = self.fontMetrics()
        content = self._content()
        label_w = min(max(metrics.horizontalAdvance(b.label) for b in self.bars),
                      int(content.width() * 0.42)) if self.show_labels else 0
        value_w = max(metrics.horizontalAdvance(b.shown) for b in self.bars)
        origin = content.left() + (label_w + GAP if label_w else 0)
        length = max(10, content.right() - origin - GAP - value_w)
        return origin, length, label_w, value_w

    def _row_rect(self, index: int) -> QtCore.QRect:
        content = self._content()
        height = self.row_height()
        return QtCore.QRect(content.left(), content.top() + index * (height + SPACING),
                            content.width(), height)

    def _bar_length(self, value: int, length: int) -> int:
        scale = self._scale()
        if value <= 0 or scale <= 0:
            return 0
        return max(2, round(length * value / scale))

    def bar_rect(self, key: str) -> QtCore.QRect:
        """Where the bar of ``key`` is drawn (empty QRect if there is no such bar)."""
        if self.is_empty():
            return QtCore.QRect()
        origin, length, _label_w, _value_w = self._columns()
        for index, bar in enumerate(self.bars):
            if bar.key == key:
                row = self._row_rect(index)
                return QtCore.QRect(origin, row.top() + 3,
                                    max(1, self._bar_length(bar.value, length)),
                                    row.height() - 6)
        return QtCore.QRect()

    def _targets(self) -> list[tuple[str, QtCore.QRect, str]]:
        if self.is_empty():
            return []
        return [(bar.key, self._row_rect(i), f"{bar.label}: {bar.shown or bar.value}")
                for i, bar in enumerate(self.bars)]

    def sizeHint(self) -> QtCore.QSize:
        rows = len(self.bars) if not self.is_empty() else 2
        height = 2 * MARGIN + rows * self.row_height() + max(0, rows - 1) * SPACING
        return QtCore.QSize(360, height)

    def minimumSizeHint(self) -> QtCore.QSize:
        return QtCore.QSize(220, self.sizeHint().height())

    # -- drawing -----------------------------------------------------------------------
    def paintEvent(self, event: QtGui.QPaintEvent) -> None:
        painter = QtGui.QPainter(self)
        try:
            painter.setRenderHint(QtGui.QPainter.RenderHint.Antialiasing)
            if self.is_empty():
                self._paint_empty(painter)
                return
            metrics = self.fontMetrics()
            origin, length, label_w, value_w = self._columns()
            text_color = self.palette().color(QtGui.QPalette.ColorRole.WindowText)
            for index, bar in enumerate(self.bars):
                row = self._row_rect(index)
                color = bar.color or self.color
                painter.setPen(text_color)
                if label_w:
                    label = metrics.elidedText(bar.label, Qt.TextElideMode.ElideRight, label_w)
                    painter.drawText(QtCore.QRect(row.left(), row.top(), label_w, row.height()),
                                     Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft,
                                     label)
                body = row.adjusted(0, 3, 0, -3)
                end = origin
                painter.setPen(Qt.PenStyle.NoPen)
                if bar.total:
                    track = self._bar_length(bar.total, length)
                    painter.setBrush(_lighter(color))
                    painter.drawRect(QtCore.QRect(origin, body.top(), track, body.height()))
                    end = max(end, origin + track)
                filled = self._bar_length(bar.value, length)
                if filled:
                    painter.setBrush(color)
                    painter.drawRect(QtCore.QRect(origin, body.top(), filled, body.height()))
                    end = max(end, origin + filled)
                painter.setPen(text_color)
                painter.drawText(QtCore.QRect(end + GAP // 2, row.top(), value_w + GAP,
                                              row.height()),
                                 Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft,
                                 bar.shown)
            self._paint_focus(painter)
        finally:
            painter.end()
