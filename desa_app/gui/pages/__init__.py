"""The pages of the main window (Beranda, Keluarga, Pengaturan ...).

A page is a QWidget with ``NAV_KEY`` (its message key in the navigation) and a class
method ``available(session)``: pages a later issue fills are simply not registered yet,
and a role that may not use a page does not see it.
"""
