"""Ekspor: the workbook for Prodeskel, the PDF documents and the signed package.

Every export runs in the background with a progress bar and a Batal button: a big
village's workbook takes a while on an office laptop, and the screen must stay alive.
The core writers only ever replace the target file when complete, so cancelling or a
full disk leaves either the old file or none. The key fingerprint is shown here (and in
Pengaturan) so the operator can read it to Diskominfo over the phone.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from desa_app.core.exports.progress import Progress
from desa_app.core.exports.runner import PDF_KINDS, run_export, village_fingerprint
from desa_app.core.store.export_source import ALL_STATUSES, VERIFIED, ExportSource
from desa_app.gui.household_model import format_count
from desa_app.gui.i18n import t, village_record_title
from desa_app.gui.login import problem_label, say
from desa_app.gui.operation import BackgroundOp, BusyBar, Failure, on_label
from desa_app.gui.page import Navigator, Page
from desa_app.gui.qt import (
    QComboBox,
    QFileDialog,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QObject,
    QProgressBar,
    QPushButton,
    QtGui,
    QtWidgets,
    QVBoxLayout,
    Signal,
)
from desa_app.gui.session import AppSession

OK_STYLE = "color: #1b5e20;"


class _Relay(QObject):
    """Carries progress from the worker thread to the screen (queued signal)."""

    progressed = Signal(int, int, str)


class ExportPage(Page):
    NAV_KEY = "nav.export"

    def __init__(self, session: AppSession, window: Navigator | None = None) -> None:
        super().__init__()
        self.session = session
        self.window_ = window
        self.progress: Progress | None = None
        self.last_path: Path | None = None
        self.relay = _Relay()
        self.relay.progressed.connect(self._show_progress)
        layout = QVBoxLayout(self)
        title = QLabel(f"<h2>{t('export.title')}</h2>")
        intro = QLabel(t("export.intro"))
        intro.setWordWrap(True)
        layout.addWidget(title)
        layout.addWidget(intro)
        layout.addWidget(self._scope_box())
        layout.addWidget(self._actions_box())
        self.fingerprint = QLabel()
        self.fingerprint.setTextInteractionFlags(
            QtGui.Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.fingerprint)
        layout.addLayout(self._progress_row())
        self.result = QLabel()
        self.result.setWordWrap(True)
        self.result.setStyleSheet(OK_STYLE)
        self.result.setTextInteractionFlags(QtGui.Qt.TextInteractionFlag.TextSelectableByMouse)
        self.problem = problem_label()
        self.open_folder = QPushButton(t("export.open_folder"))
        self.open_folder.clicked.connect(self._open_folder)
        self.open_folder.hide()
        layout.addWidget(self.result)
        layout.addWidget(self.open_folder)
        layout.addWidget(self.problem)
        layout.addStretch(1)
        # the facts (counts, the village forms going along) are read when the page is
        # shown (showEvent), not while the app starts

    # -- building ------------------------------------------------------------------------
    def _scope_box(self) -> QGroupBox:
        box = QGroupBox(t("export.scope"))
        inner = QVBoxLayout(box)
        self.verified_only = QtWidgets.QRadioButton(t("export.verified_only"))
        self.every_status = QtWidgets.QRadioButton(t("export.every_status"))
        self.verified_only.setChecked(True)
        self.count = QLabel()
        self.village = QLabel()  # Potensi/Perkembangan that go into the same workbook
        self.village.setWordWrap(True)
        for widget in (self.verified_only, self.every_status, self.count, self.village):
            inner.addWidget(widget)
        self.verified_only.toggled.connect(self._refresh_facts)
        return box

    def _actions_box(self) -> QGroupBox:
        box = QGroupBox()
        inner = QVBoxLayout(box)
        self.workbook_button = QPushButton(t("export.workbook"))
        self.workbook_button.clicked.connect(lambda: self._ask_and_run("xlsx"))
        inner.addWidget(self.workbook_button)
        row = QHBoxLayout()
        row.addWidget(QLabel(t("export.pdf_kind")))
        self.pdf_kind = QComboBox()
        for kind in PDF_KINDS:
            self.pdf_kind.addItem(t(f"export.pdf.{kind}"), kind)
        row.addWidget(self.pdf_kind, 1)
        self.pdf_button = QPushButton(t("export.pdf"))
        self.pdf_button.clicked.connect(lambda: self._ask_and_run("pdf"))
        row.addWidget(self.pdf_button)
        inner.addLayout(row)
        self.package_button = QPushButton(t("export.package"))
        self.package_button.clicked.connect(lambda: self._ask_and_run("zip"))
        note = QLabel(t("export.package_note"))
        note.setStyleSheet("color: #666666;")
        self.verify_button = QPushButton(t("export.verify"))
        self.verify_button.clicked.connect(self._ask_and_verify)
        for widget in (self.package_button, note, self.verify_button):
            inner.addWidget(widget)
        self.buttons = [self.workbook_button, self.pdf_button, self.package_button,
                        self.verify_button]
        return box

    def _progress_row(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.bar = QProgressBar()
        self.bar.hide()
        self.status = QLabel()
        self.cancel_button = QPushButton(t("export.cancel"))
        self.cancel_button.clicked.connect(self.cancel)
        self.cancel_button.hide()
        self.exporting = BusyBar(self.bar, lock=lambda: self.buttons,
                                 also_show=[self.cancel_button], on_change=self._busy_changed)
        row.addWidget(self.bar, 1)
        row.addWidget(self.status)
        row.addWidget(self.cancel_button)
        return row

    # -- facts -----------------------------------------------------------------------
    def source(self) -> ExportSource:
        statuses = VERIFIED if self.verified_only.isChecked() else ALL_STATUSES
        return ExportSource(self.session.store, self.session.actor, statuses=statuses)

    def _refresh_facts(self) -> None:
        source = self.source()
        self.count.setText(t("export.count", n=format_count(source.count())))
        from desa_app.core.exports.village import village_records

        chosen = [village_record_title(form, record.period)
                  for form, record in village_records(source)]
        self.village.setText(t("export.village", items=", ".join(chosen)) if chosen
                             else t("export.no_village"))
        self.fingerprint.setText(t("export.fingerprint",
                                   fingerprint=village_fingerprint(source)))

    # -- running ---------------------------------------------------------------------
    def default_name(self, what: str) -> str:
        stem = self.session.store.path.stem
        today = date.today().isoformat()
        if what == "xlsx":
            return f"prodeskel-ddk-{stem}-{today}.xlsx"
        if what == "pdf":
            return f"{self.pdf_kind.currentData()}-{stem}-{today}.pdf"
        return f"paket-terverifikasi-{stem}-{today}.zip"

    def ask_save_path(self, what: str) -> Path | None:
        """Where to write (a file dialog; tests replace this method)."""
        filters = {"xlsx": "export.filter_xlsx", "pdf": "export.filter_pdf",
                   "zip": "export.filter_zip"}
        start = str(Path.home() / self.default_name(what))
        name, _ = QFileDialog.getSaveFileName(self, t("export.save_title"), start,
                                              t(filters[what]))
        if not name:
            return None
        path = Path(name)
        return path if path.suffix.lower() == f".{what}" else path.with_suffix(f".{what}")

    def ask_open_path(self) -> Path | None:
        name, _ = QFileDialog.getOpenFileName(self, t("export.open_title"), str(Path.home()),
                                              t("export.filter_zip"))
        return Path(name) if name else None

    def _ask_and_run(self, what: str) -> None:
        path = self.ask_save_path(what)
        if path is not None:
            self.export(what, path)

    def export(self, what: str, path: Path) -> None:
        """Start one export in the background (``what``: xlsx, pdf or zip)."""
        source = self.source()
        kind = str(self.pdf_kind.currentData())
        progress = Progress(self.relay.progressed.emit)  # the relay brings it to the GUI
        self._start(progress)
        BackgroundOp(self, lambda: _work(what, kind, source, path, progress)) \
            .success(lambda message: self._finished(path, message)) \
            .failure(self._failed).busy(self.exporting).run()

    def cancel(self) -> None:
        if self.progress is not None:
            self.progress.cancel()
            self.status.setText(t("export.cancelling"))

    def _start(self, progress: Progress) -> None:
        self.progress = progress
        say(self.problem, "")
        self.result.setText("")
        self.open_folder.hide()

    def _busy_changed(self, busy: bool) -> None:
        """Busy: an indeterminate bar until the first progress; done: no progress left."""
        if busy:
            self.bar.setRange(0, 0)
            self.status.setText(t("export.working"))
        else:
            self.progress = None
            self.status.setText("")

    def _show_progress(self, done: int, total: int, what: str) -> None:
        if total > 0:
            self.bar.setRange(0, total)
            self.bar.setValue(min(done, total))
        self.status.setText(what)

    def _finished(self, path: Path, message: str) -> None:
        self.last_path = path
        self.result.setText(message)
        self.open_folder.setVisible(path.parent.exists())

    def _failed(self, failure: Failure) -> None:
        """Cancelled (a StoreError) or refused: on the red line; a file the system would
        not write (OSError): its reason there too; a bug the standard way."""
        exc = failure.error
        if isinstance(exc, OSError) and not failure.is_user_error:
            say(self.problem, t("export.failed", message=exc.strerror or str(exc)))
        else:
            on_label(self, self.problem)(failure)

    def _open_folder(self) -> None:
        if self.last_path is not None:
            QtGui.QDesktopServices.openUrl(_url(self.last_path.parent))

    # -- checking a package ----------------------------------------------------------
    def _ask_and_verify(self) -> None:
        path = self.ask_open_path()
        if path is not None:
            self.verify(path)

    def verify(self, path: Path) -> None:
        from desa_app.core.exports.package import verify_package

        self._start(Progress())
        BackgroundOp(self, lambda: verify_package(path)).success(self._verified) \
            .failure(self._failed).busy(self.exporting).run()

    def _verified(self, result: Any) -> None:
        lines = list(result.summary_lines())
        if result.ok:
            self.result.setText("\n".join([t("export.verify_ok"), *lines]))
        else:
            say(self.problem, "\n".join([t("export.verify_bad"), *lines]))

    def showEvent(self, event: Any) -> None:
        super().showEvent(event)
        if self.progress is None:
            self._refresh_facts()


def _url(path: Path) -> Any:
    from desa_app.gui.qt import QtCore

    return QtCore.QUrl.fromLocalFile(str(path))


def _work(what: str, kind: str, source: ExportSource, path: Path, progress: Progress) -> str:
    """The export itself (worker thread); returns the sentence to show when done."""
    outcome = run_export(what, source, path, progress, pdf_kind=kind)
    if what == "xlsx":
        return t("export.done_workbook", path=str(path), n=outcome.households)
    if what == "pdf":
        return t("export.done_pdf", path=str(path), n=outcome.pages)
    return t("export.done_package", path=str(path))

