"""The one place that imports PySide6.

Every GUI module takes Qt classes from here, so a change of binding or version (or a
work-around for one) happens in a single file, and a test can check that rule.
"""

from PySide6 import QtCore, QtGui, QtWidgets
from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QRunnable,
    Qt,
    QThreadPool,
    QTimer,
    Signal,
    Slot,
)
from PySide6.QtGui import QAction, QColor, QFont, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QCheckBox,
    QComboBox,
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
    QMessageBox,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QSpinBox,
    QSplitter,
    QStackedWidget,
    QStatusBar,
    QTableView,
    QTableWidget,
    QTableWidgetItem,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

__all__ = [
    "QAbstractItemView", "QAbstractTableModel", "QAction", "QApplication", "QCheckBox",
    "QColor", "QComboBox", "QDialog", "QDialogButtonBox", "QFileDialog", "QFont",
    "QFormLayout", "QFrame", "QGridLayout", "QGroupBox", "QHBoxLayout", "QHeaderView",
    "QKeySequence", "QLabel", "QLineEdit", "QListWidget", "QListWidgetItem", "QMainWindow",
    "QMessageBox", "QModelIndex", "QObject", "QProgressBar", "QPushButton", "QRunnable",
    "QScrollArea", "QShortcut", "QSizePolicy", "QSpinBox", "QSplitter", "QStackedWidget",
    "QStatusBar", "QTableView", "QTableWidget", "QTableWidgetItem", "QThreadPool", "QTimer",
    "QTreeWidget", "QTreeWidgetItem", "QVBoxLayout", "QWidget", "QWizard", "QWizardPage",
    "Qt", "QtCore", "QtGui", "QtWidgets", "Signal", "Slot",
]
