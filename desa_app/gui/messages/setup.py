"""Screen texts: setup (key: (Indonesian, English))."""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
}
