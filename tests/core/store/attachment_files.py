"""Files the attachment tests hand to the store (a real PNG, a minimal PDF, a Windows
program disguised as a document) and the shape of an operation on a village, shared by
the Desa Cantik, SOP and pembina tests."""

from __future__ import annotations

import struct
import zlib
from collections.abc import Callable
from pathlib import Path

from desa_app.core.store.users import Actor

from .conftest import Village


def png_bytes() -> bytes:
    """A real 1×1 PNG (one white pixel)."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        return (struct.pack(">I", len(data)) + kind + data
                + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF))
    header = struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header)
            + chunk(b"IDAT", zlib.compress(b"\x00\xff\xff\xff")) + chunk(b"IEND", b""))


PDF = (b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
       b"2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n")
EXE = b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff" + b"\x00" * 64


def write(tmp_path: Path, name: str, content: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(content)
    return path


Operation = Callable[[Village, Actor, Path], object]
