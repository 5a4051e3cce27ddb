"""Synthetic demo village: realistic DDK household records for demos and benchmarks.

``generate_village("35.01.01.2001", 500, seed=1, today=date(2026, 11, 23))`` yields
:class:`DemoHousehold` records whose answers pass the rules of ``forms/ddk.yaml``,
spread over the verification workflow, with a few deliberately planted warnings and one
NIK shared by two households. Plain data only: saving it is the store's business.
"""

from desa_app.core.demo.generator import generate_village
from desa_app.core.demo.model import STATUSES, DemoHousehold, DemoNote
from desa_app.core.demo.planting import DUPLICATE_NIK, PLANTS

__all__ = [
    "DUPLICATE_NIK",
    "PLANTS",
    "STATUSES",
    "DemoHousehold",
    "DemoNote",
    "generate_village",
]
