"""desa-app: offline entry, verification and export of Profil Desa dan Kelurahan data."""

__version__ = "0.1.0"
