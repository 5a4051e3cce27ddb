"""Identity numbers and region codes: NIK, No. KK and Kemendagri kode wilayah.

Pure standard-library code (no Qt) so it can be used by the GUI, importers and tests
alike.  See :mod:`.wilayah` for the region list and :mod:`.nik` for the number checks.
"""

from desa_app.core.identity.nik import (
    KK_EARLIEST_ISSUE_YEAR,
    KkCheck,
    NikCheck,
    Problem,
    check_kk,
    check_nik,
)
from desa_app.core.identity.wilayah import (
    Level,
    WilayahDataError,
    WilayahRegistry,
    default_resources_dir,
    get_registry,
    normalize_code,
)

__all__ = [
    "KK_EARLIEST_ISSUE_YEAR",
    "KkCheck",
    "Level",
    "NikCheck",
    "Problem",
    "WilayahDataError",
    "WilayahRegistry",
    "check_kk",
    "check_nik",
    "default_resources_dir",
    "get_registry",
    "normalize_code",
]
