"""The blank questionnaire is printed from the definition alone."""

from __future__ import annotations

from pathlib import Path

from pypdf import PdfReader

from desa_app.core.exports.pdf import write_blank
from desa_app.core.exports.pdf.blank import NO_VILLAGE
from desa_app.core.exports.pdf.blank_grids import box_count
from desa_app.core.instrument.registry import get_instrument
from desa_app.core.store.export_source import VillageHeader

from .conftest import pdf_text

VILLAGE = VillageHeader("35.01.01.2001", "Widoro", "Donorojo", "Kabupaten Pacitan",
                        "Jawa Timur")


def test_every_item_number_and_label_is_printed(tmp_path: Path) -> None:
    instrument = get_instrument("ddk")
    out = tmp_path / "kosong.pdf"
    pages = write_blank(instrument, out, VILLAGE)
    assert pages == len(PdfReader(out).pages)
    text = pdf_text(out)
    numbered = [node for node in instrument.order if node.number]
    assert len(numbered) > 90
    missing = [n.number for n in numbered if n.number not in text]
    assert missing == []
    assert all(" ".join(n.label.get().split()) in text for n in numbered)
    assert VILLAGE.title in text
    assert "☐" in text  # check boxes for the options
    for choice in instrument.choice_lists["pekerjaan"].choices[:5]:
        assert choice.label.get() in text


def test_without_a_village_the_header_leaves_room_to_write(tmp_path: Path) -> None:
    out = tmp_path / "kosong.pdf"
    write_blank(get_instrument("ddk"), out)
    assert " ".join(NO_VILLAGE.split()) in pdf_text(out)


def test_digit_boxes_follow_the_definitions_rules() -> None:
    instrument = get_instrument("ddk")
    assert box_count(instrument.field("nik")) == 16
    assert box_count(instrument.field("no_kk")) == 16
    assert box_count(instrument.field("rt")) == 3
    assert box_count(instrument.field("penghasilan")) == 10  # ". <= 1000000000"
    assert box_count(instrument.field("tahun")) == 4
    assert box_count(instrument.field("bulan")) == 2
    assert box_count(instrument.field("nama")) is None  # a line to write on
