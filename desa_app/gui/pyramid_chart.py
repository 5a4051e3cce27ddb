"""The population pyramid: men to the left, women to the right, age groups bottom up."""

from __future__ import annotations

from collections.abc import Sequence

from desa_app.gui.charts import GAP, MARGIN, SPACING, PyramidRow, _Chart
from desa_app.gui.qt import QColor, Qt, QtCore, QtGui, QWidget


class PyramidChart(_Chart):
    """A population pyramid: left half (men) grows to the left, right half (women) to the
    right, rows from the youngest at the bottom to the oldest at the top, values at the
    bars' ends. ``bar_clicked`` emits ``"<row key>:left"`` or ``"<row key>:right"``."""

    def __init__(self, parent: QWidget | None = None, left_color: QColor | None = None,
                 right_color: QColor | None = None) -> None:
        super().__init__(parent)
        self.rows: list[PyramidRow] = []
        self.left_title = ""
        self.right_title = ""
        self.left_color = left_color or QColor("#3b78b0")
        self.right_color = right_color or QColor("#c8577a")

    def set_rows(self, rows: Sequence[PyramidRow], left_title: str = "",
                 right_title: str = "") -> None:
        """``rows`` youngest first (drawn at the bottom)."""
        self.rows = list(rows)
        self.left_title, self.right_title = left_title, right_title
        self.current = min(self.current, 2 * len(self.rows) - 1)
        self._described()
        self.updateGeometry()
        self.update()

    def is_empty(self) -> bool:
        return not any(r.left or r.right for r in self.rows)

    @staticmethod
    def _text(value: int, text: str | None) -> str:
        return str(value) if text is None else text

    # -- geometry ----------------------------------------------------------------------
    def _has_titles(self) -> bool:
        return bool(self.left_title or self.right_title)

    def _row_rect(self, index: int) -> QtCore.QRect:
        """Row ``index`` (0 = youngest) counted from the bottom."""
        content = self._content()
        height = self.row_height() - 2
        bottom = content.bottom() + 1 - index * (height + SPACING // 2)
        return QtCore.QRect(content.left(), bottom - height, content.width(), height)

    def _columns(self) -> tuple[int, int, int, int]:
        """Centre column's left and right x, the bars' full length, value width."""
        metrics = self.fontMetrics()
        content = self._content()
        center_w = max(metrics.horizontalAdvance(r.label) for r in self.rows) + 2 * GAP
        value_w = max(metrics.horizontalAdvance(self._text(v, s)) for r in self.rows
                      for v, s in ((r.left, r.left_text), (r.right, r.right_text)))
        half = (content.width() - center_w) // 2
        middle_left = content.left() + half
        length = max(10, half - value_w - GAP)
        return middle_left, middle_left + center_w, length, value_w

    def _length(self, value: int, length: int) -> int:
        scale = max([max(r.left, r.right) for r in self.rows] or [0])
        if value <= 0 or scale <= 0:
            return 0
        return max(2, round(length * value / scale))

    def bar_rect(self, key: str) -> QtCore.QRect:
        """Where ``"<row key>:left"`` / ``":right"`` is drawn (empty QRect if not)."""
        if self.is_empty():
            return QtCore.QRect()
        row_key, _, side = key.rpartition(":")
        left_edge, right_edge, length, _value_w = self._columns()
        for index, row in enumerate(self.rows):
            if row.key != row_key:
                continue
            rect = self._row_rect(index).adjusted(0, 2, 0, -2)
            if side == "left":
                size = max(1, self._length(row.left, length))
                return QtCore.QRect(left_edge - size, rect.top(), size, rect.height())
            if side == "right":
                size = max(1, self._length(row.right, length))
                return QtCore.QRect(right_edge, rect.top(), size, rect.height())
        return QtCore.QRect()

    def _targets(self) -> list[tuple[str, QtCore.QRect, str]]:
        if self.is_empty():
            return []
        left_edge, right_edge, _length, _value_w = self._columns()
        found = []
        for index, row in reversed(list(enumerate(self.rows))):  # top to bottom
            rect = self._row_rect(index)
            middle = (left_edge + right_edge) // 2
            found.append((f"{row.key}:left",
                          QtCore.QRect(rect.left(), rect.top(), middle - rect.left(),
                                       rect.height()),
                          f"{self.left_title} {row.label}: "
                          f"{self._text(row.left, row.left_text)}".strip()))
            found.append((f"{row.key}:right",
                          QtCore.QRect(middle, rect.top(), rect.right() - middle + 1,
                                       rect.height()),
                          f"{self.right_title} {row.label}: "
                          f"{self._text(row.right, row.right_text)}".strip()))
        return found

    def sizeHint(self) -> QtCore.QSize:
        rows = len(self.rows) if not self.is_empty() else 2
        titles = self.row_height() + SPACING if self._has_titles() else 0
        height = (2 * MARGIN + titles + rows * (self.row_height() - 2)
                  + max(0, rows - 1) * (SPACING // 2))
        return QtCore.QSize(420, height)

    def minimumSizeHint(self) -> QtCore.QSize:
        return QtCore.QSize(260, self.sizeHint().height())

    # -- drawing -----------------------------------------------------------------------
    def paintEvent(self, event: QtGui.QPaintEvent) -> None:
        painter = QtGui.QPainter(self)
        try:
            painter.setRenderHint(QtGui.QPainter.RenderHint.Antialiasing)
            if self.is_empty():
                self._paint_empty(painter)
                return
            left_edge, right_edge, length, value_w = self._columns()
            text_color = self.palette().color(QtGui.QPalette.ColorRole.WindowText)
            content = self._content()
            if self._has_titles():
                title = QtCore.QRect(content.left(), content.top(), content.width(),
                                     self.row_height())
                bold = QtGui.QFont(self.font())
                bold.setBold(True)
                painter.setFont(bold)
                painter.setPen(self.left_color.darker(130))
                painter.drawText(QtCore.QRect(title.left(), title.top(),
                                              left_edge - title.left(), title.height()),
                                 Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignRight,
                                 self.left_title)
                painter.setPen(self.right_color.darker(130))
                painter.drawText(QtCore.QRect(right_edge, title.top(),
                                              title.right() - right_edge, title.height()),
                                 Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft,
                                 self.right_title)
                painter.setFont(self.font())
            middle = Qt.AlignmentFlag.AlignVCenter
            for index, row in enumerate(self.rows):
                rect = self._row_rect(index)
                body = rect.adjusted(0, 2, 0, -2)
                painter.setPen(text_color)
                painter.drawText(QtCore.QRect(left_edge, rect.top(), right_edge - left_edge,
                                              rect.height()),
                                 Qt.AlignmentFlag.AlignCenter, row.label)
                left = self._length(row.left, length)
                right = self._length(row.right, length)
                painter.setPen(Qt.PenStyle.NoPen)
                painter.setBrush(self.left_color)
                painter.drawRect(QtCore.QRect(left_edge - left, body.top(), left, body.height()))
                painter.setBrush(self.right_color)
                painter.drawRect(QtCore.QRect(right_edge, body.top(), right, body.height()))
                painter.setPen(text_color)
                painter.drawText(
                    QtCore.QRect(left_edge - left - GAP // 2 - value_w, rect.top(), value_w,
                                 rect.height()),
                    middle | Qt.AlignmentFlag.AlignRight, self._text(row.left, row.left_text))
                painter.drawText(
                    QtCore.QRect(right_edge + right + GAP // 2, rect.top(), value_w,
                                 rect.height()),
                    middle | Qt.AlignmentFlag.AlignLeft, self._text(row.right, row.right_text))
            self._paint_focus(painter)
        finally:
            painter.end()
