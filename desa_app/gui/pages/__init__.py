"""The pages of the main window (Beranda, Keluarga, Pengaturan ...).

A page is a :class:`desa_app.gui.page.Page` with ``NAV_KEY`` (its message key in the
navigation); :mod:`desa_app.gui.page_list` lists them in order with who may see them.
"""
