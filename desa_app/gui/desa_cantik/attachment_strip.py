"""The strip of attachment thumbnails that activities and SOP steps share.

Attachments live inside the village file (up to 10 MB each); reading or adding them runs
in the background so the window never stalls on a large photo. Thumbnails are decoded
and scaled in that background job too (a QImage may be built off the GUI thread, a
QPixmap may not), so a 4 GB laptop with ten 8-MB photos still scrolls smoothly.
"""

from __future__ import annotations

import re
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

from desa_app.core.errors import StoreError
from desa_app.core.store.attachments import AttachmentInfo
from desa_app.gui.desa_cantik import (
    ERROR_COLOUR,
    ID_ROLE,
    ask,
    attempt,
)
from desa_app.gui.i18n import t
from desa_app.gui.login import problem_label, say
from desa_app.gui.operation import BackgroundOp, BusyBar, Failure, busy_bar, on_label
from desa_app.gui.qt import (
    QAbstractItemView,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    Qt,
    QtCore,
    QtGui,
    QtWidgets,
    QVBoxLayout,
    QWidget,
    Signal,
)
from desa_app.gui.session import AppSession

THUMB = 120
Loaded = tuple[AttachmentInfo, "QtGui.QImage | None", str]  # info, thumbnail, problem


def thumbnail(info: AttachmentInfo, content: bytes) -> QtGui.QImage | None:
    """An image of at most 120 px of a photo (None for a PDF or an image Qt cannot read)."""
    if not info.media_type.startswith("image/"):
        return None
    image = QtGui.QImage()
    if not image.loadFromData(content):
        return None
    if image.width() <= THUMB and image.height() <= THUMB:
        return image  # small already: enlarging would only blur it
    return image.scaled(THUMB, THUMB, Qt.AspectRatioMode.KeepAspectRatio,
                        Qt.TransformationMode.SmoothTransformation)


class AttachmentStrip(QWidget):
    """Thumbnails of one owner's attachments with attach / open / remove.

    ``set_owner`` says whose files to show and how to attach one (activities and SOP
    steps attach through different core calls); ``changed`` tells the owner's table to
    update its count.
    """

    changed = Signal()

    def __init__(self, session: AppSession, may_change: bool, attach_key: str) -> None:
        super().__init__()
        self.session = session
        self.service = session.store.desa_cantik
        self.may_change = may_change
        self.owner: tuple[str, int | None] | None = None
        self.attach_work: Callable[[Path], Any] | None = None
        self.generation = 0
        self.loading = False
        self.infos: list[AttachmentInfo] = []
        self._files: tempfile.TemporaryDirectory[str] | None = None
        self.list = QListWidget()
        self.list.setViewMode(QListWidget.ViewMode.IconMode)
        self.list.setIconSize(QtCore.QSize(THUMB, THUMB))
        self.list.setGridSize(QtCore.QSize(THUMB + 40, THUMB + 44))
        self.list.setMovement(QListWidget.Movement.Static)
        self.list.setResizeMode(QListWidget.ResizeMode.Adjust)
        self.list.setWordWrap(True)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list.setMinimumHeight(THUMB + 56)
        self.list.itemActivated.connect(lambda _item: self.open_selected())
        self.attach_button = QPushButton(t(attach_key))
        self.attach_button.clicked.connect(self.choose_file)
        self.open_button = QPushButton(t("cantik.attachment_open"))
        self.open_button.clicked.connect(self.open_selected)
        self.remove_button = QPushButton(t("cantik.attachment_remove"))
        self.remove_button.clicked.connect(self.remove_selected)
        self.attach_button.setVisible(may_change)
        self.remove_button.setVisible(may_change)
        self.busy_label = QLabel(t("cantik.attaching"))
        self.busy_label.hide()
        self.bar = busy_bar()
        self.busy = BusyBar(self.bar, also_show=[self.busy_label],
                            on_change=lambda _busy: self._enable_attach())
        self.problem = problem_label()
        buttons = QHBoxLayout()
        for widget in (self.attach_button, self.open_button, self.remove_button):
            buttons.addWidget(widget)
        buttons.addWidget(self.busy_label)
        buttons.addWidget(self.bar, 1)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.problem)
        layout.addLayout(buttons)
        self.set_owner(None)

    def set_owner(self, owner: tuple[str, int | None] | None,
                  attach: Callable[[Path], Any] | None = None) -> None:
        """Show ``(owner_kind, owner_id)``'s files; id None = nothing stored for it yet."""
        self.owner, self.attach_work = owner, attach
        self._enable_attach()
        say(self.problem, "")
        self.reload()

    def reload(self) -> None:
        self.generation += 1
        generation = self.generation
        self.list.clear()
        self.infos = []
        self._enable()
        kind, owner_id = self.owner or ("", None)
        if owner_id is None:
            return
        actor, service = self.session.actor, self.service

        def work() -> list[Loaded]:
            loaded: list[Loaded] = []
            for info in service.attachments(actor, kind, owner_id):
                try:
                    loaded.append((info, thumbnail(info, service.attachment_content(
                        actor, info.id)), ""))
                except StoreError as exc:  # a damaged file: listed, with why
                    loaded.append((info, None, str(exc)))
            return loaded

        self.loading = True
        BackgroundOp(self, work).success(lambda result: self._loaded(generation, result)) \
            .failure(lambda failure: self._failed(generation, failure)).run()

    def _loaded(self, generation: int, result: list[Loaded]) -> None:
        if generation != self.generation:
            return  # another owner was selected meanwhile
        self.loading = False
        file_icon = self.style().standardIcon(QtWidgets.QStyle.StandardPixmap.SP_FileIcon)
        self.infos = [info for info, _image, _problem in result]
        for info, image, problem in result:
            icon = QtGui.QIcon(QtGui.QPixmap.fromImage(image)) if image else file_icon
            item = QListWidgetItem(icon, info.filename)
            item.setData(ID_ROLE, info.id)
            item.setToolTip(problem or t("cantik.attachment_tip", name=info.filename,
                                         size=f"{info.size / 1024:.0f}",
                                         when=info.added_at.strftime("%d/%m/%Y %H:%M")))
            if problem:
                item.setForeground(QtGui.QColor(ERROR_COLOUR))
            self.list.addItem(item)
        if self.list.count():
            self.list.setCurrentRow(0)
        self._enable()

    def _failed(self, generation: int, failure: Failure) -> None:
        if generation == self.generation:
            self.loading = False
            on_label(self, self.problem)(failure)

    def _enable(self) -> None:
        has = self.list.count() > 0
        self.open_button.setEnabled(has)
        self.remove_button.setEnabled(has)

    def selected(self) -> AttachmentInfo | None:
        item = self.list.currentItem()
        if item is None:
            return None
        return next((i for i in self.infos if i.id == item.data(ID_ROLE)), None)

    # -- attaching ---------------------------------------------------------------------
    def choose_file(self) -> None:
        name, _filter = QFileDialog.getOpenFileName(self, t("cantik.attach_title"), "",
                                                    t("cantik.attach_filter"))
        if name:
            self.attach_file(Path(name))

    def attach_file(self, path: Path) -> None:
        """Read, check and store the file in the background; the label says it is busy."""
        if self.attach_work is None or self.busy.active:
            return
        work = self.attach_work
        say(self.problem, "")
        BackgroundOp(self, lambda: work(path)).success(self._attached) \
            .failure(on_label(self, self.problem)).busy(self.busy).run()

    def _attached(self, info: AttachmentInfo) -> None:
        if self.owner is not None and self.owner[1] is None:
            self.owner = (self.owner[0], info.owner_id)  # the SOP step now has its row
        self.reload()
        self.changed.emit()

    def _enable_attach(self) -> None:
        """Attaching needs an owner that takes files and no attaching under way."""
        self.attach_button.setEnabled(self.attach_work is not None and not self.busy.active)

    # -- opening and removing ----------------------------------------------------------
    def open_selected(self) -> None:
        """Write the file to a temporary folder and hand it to the system's viewer."""
        info = self.selected()
        if info is None:
            return
        if self._files is None:
            self._files = tempfile.TemporaryDirectory(prefix="desa-app-",
                                                      ignore_cleanup_errors=True)
        safe = re.sub(r'[\\/:*?"<>|]', "_", info.filename) or "lampiran"
        target = Path(self._files.name) / f"{info.id}-{safe}"
        actor, service = self.session.actor, self.service

        def work() -> Path:
            target.write_bytes(service.attachment_content(actor, info.id))
            return target

        BackgroundOp(self, work).success(self.launch) \
            .failure(on_label(self, self.problem)).run()

    def launch(self, path: Path) -> None:
        """Open with the system's program (tests replace this: nothing to launch there)."""
        QtGui.QDesktopServices.openUrl(QtCore.QUrl.fromLocalFile(str(path)))

    def remove_selected(self) -> None:
        info = self.selected()
        if info is None or not self.confirm(t("cantik.attachment_remove"),
                                            t("cantik.attachment_remove_confirm",
                                              name=info.filename)):
            return
        if not attempt(self.problem,
                       lambda: self.service.remove_attachment(self.session.actor, info.id)):
            return
        self.reload()
        self.changed.emit()

    def confirm(self, title: str, text: str) -> bool:
        return ask(self, title, text)
