"""The one place that imports PySide6.

Every GUI module takes Qt classes from here, so a change of binding or version (or a
work-around for one) happens in a single file, and a test can check that rule.
"""

from PySide6 import QtCore, QtGui, QtWidgets
from PySide6.QtCore import Qt, Signal, Slot

__all__ = ["Qt", "QtCore", "QtGui", "QtWidgets", "Signal", "Slot"]
