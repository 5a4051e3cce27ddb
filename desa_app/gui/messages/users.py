"""Screen texts: Pengguna (the admin's accounts page and its dialogs)."""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    "nav.users": ("Pengguna", "Users"),
    "users.title": ("Akun pengguna", "User accounts"),
    "users.intro": (
        "Akun yang nonaktif tidak bisa masuk; datanya tetap tersimpan. Tekan Enter pada "
        "akun untuk mengubah peran atau kata sandinya.",
        "An inactive account cannot sign in; its work stays stored. Press Enter on an "
        "account to change its role or password."),
    "users.col_username": ("Nama pengguna", "Username"),
    "users.col_name": ("Nama", "Name"),
    "users.col_role": ("Peran", "Role"),
    "users.col_active": ("Status", "Status"),
    "users.col_last_login": ("Terakhir masuk", "Last sign-in"),
    "users.active": ("Aktif", "Active"),
    "users.inactive": ("Nonaktif", "Inactive"),
    "users.never": ("Belum pernah", "Never"),
    "users.add": ("&Tambah akun…", "&Add account…"),
    "users.edit": ("&Ubah peran / kata sandi…", "&Change role / password…"),
    "users.deactivate": ("&Nonaktifkan", "&Deactivate"),
    "users.activate": ("&Aktifkan", "&Activate"),
    "users.none_selected": ("Pilih akun dulu di daftar.", "Choose an account in the list first."),
    "users.added": ("Akun {username} ({role}) ditambahkan.", "Account {username} ({role}) added."),
    "users.deactivated": ("Akun {username} dinonaktifkan; tidak bisa masuk lagi.",
                          "Account {username} deactivated; it can no longer sign in."),
    "users.activated": ("Akun {username} diaktifkan kembali.",
                        "Account {username} is active again."),
    "users.role_changed": ("Peran {username} sekarang {role}.",
                           "{username}'s role is now {role}."),
    "users.password_reset": ("Kata sandi {username} diganti. Berikan kata sandi baru "
                             "kepadanya secara langsung.",
                             "{username}'s password was replaced. Give the new password "
                             "to them in person."),
    "users.role_and_password": ("Peran {username} sekarang {role}; kata sandinya diganti.",
                                "{username}'s role is now {role}; the password was "
                                "replaced."),
    "users.nothing_changed": ("Tidak ada yang diubah.", "Nothing was changed."),
    "users.add_title": ("Tambah akun", "Add account"),
    "users.edit_title": ("Akun {username}", "Account {username}"),
    "users.username": ("&Nama pengguna", "&Username"),
    "users.display_name": ("Nama &lengkap", "&Full name"),
    "users.role": ("&Peran", "&Role"),
    "users.password": ("&Kata sandi awal", "Initial &password"),
    "users.new_password": ("&Kata sandi baru (kosongkan bila tetap)",
                           "New &password (empty to keep it)"),
    "users.password_again": ("Kata sandi &sekali lagi", "Password &again"),
    "users.password_mismatch": ("Kedua kata sandi tidak sama.", "The two passwords differ."),
    "users.fill_all": ("Isi nama pengguna, nama lengkap, dan kata sandi.",
                       "Fill in the username, full name and password."),
    "users.save": ("&Simpan", "&Save"),
    "users.cancel": ("&Batal", "&Cancel"),
}
