"""The PySide6 desktop application. Imports Qt only through :mod:`desa_app.gui.qt`."""
