"""The one place that imports PySide6.

Every GUI module takes Qt classes from here, so a change of binding or version (or a
work-around for one) happens in a single file, and a test can check that rule.
"""

from typing import Any

import shiboken6
from PySide6 import QtCore, QtGui, QtWidgets
from PySide6.QtCore import (
    QAbstractTableModel,
    QEvent,
    QModelIndex,
    QObject,
    QRunnable,
    QStringListModel,
    Qt,
    QThreadPool,
    QTimer,
    Signal,
    Slot,
)
from PySide6.QtGui import QAction, QColor, QFont, QKeySequence, QShortcut, QWheelEvent
from PySide6.QtWidgets import (
    QAbstractItemDelegate,
    QAbstractItemView,
    QAbstractSpinBox,
    QApplication,
    QCheckBox,
    QComboBox,
    QCompleter,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMenu,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QSpinBox,
    QSplitter,
    QStackedWidget,
    QStatusBar,
    QStyledItemDelegate,
    QTableView,
    QTableWidget,
    QTableWidgetItem,
    QTextBrowser,
    QToolButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)


def is_alive(obj: object) -> bool:
    """False once the C++ side of a Qt object has been deleted (its Python wrapper may
    outlive it, and touching it then raises RuntimeError)."""
    return bool(shiboken6.isValid(obj))


__all__ = [
    "QAbstractItemDelegate",
    "QAbstractItemView",
    "QAbstractSpinBox",
    "QAbstractTableModel",
    "QAction",
    "QApplication",
    "QCheckBox",
    "QColor",
    "QComboBox",
    "QCompleter",
    "QDialog",
    "QDialogButtonBox",
    "QEvent",
    "QFileDialog",
    "QFont",
    "QFormLayout",
    "QFrame",
    "QGridLayout",
    "QGroupBox",
    "QHBoxLayout",
    "QHeaderView",
    "QKeySequence",
    "QLabel",
    "QLineEdit",
    "QListWidget",
    "QListWidgetItem",
    "QMainWindow",
    "QMenu",
    "QMessageBox",
    "QModelIndex",
    "QObject",
    "QProgressBar",
    "QPushButton",
    "QRunnable",
    "QScrollArea",
    "QShortcut",
    "QSizePolicy",
    "QSpinBox",
    "QSplitter",
    "QStackedWidget",
    "QStatusBar",
    "QStringListModel",
    "QStyledItemDelegate",
    "QTableView",
    "QTableWidget",
    "QTableWidgetItem",
    "QTextBrowser",
    "QThreadPool",
    "QTimer",
    "QToolButton",
    "QTreeWidget",
    "QTreeWidgetItem",
    "QVBoxLayout",
    "QWheelEvent",
    "QWidget",
    "QWizard",
    "QWizardPage",
    "Qt",
    "QtCore",
    "QtGui",
    "QtWidgets",
    "Signal",
    "Slot",
    "is_alive",
    "qtest",
]


def qtest() -> Any:
    """Qt's test driver (key events as a person types them), for the screenshot script;
    imported on first use so the app itself never loads QtTest."""
    from PySide6.QtTest import QTest

    return QTest
