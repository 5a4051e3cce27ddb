"""Everything that leaves the village: the Prodeskel workbook, PDF documents and the
signed verified package (no Qt; the GUI's Ekspor page and the CLI both call these)."""
