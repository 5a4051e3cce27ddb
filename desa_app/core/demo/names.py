"""Indonesian personal names for the demo village.

A demo that shows "Person 17" convinces nobody, and a verifier screen is judged by how
its lists read, so names follow how they are really given: older villagers carry
single traditional names (Suparman, Painem), younger ones modern Islamic or Western
names (Rizky Pratama, Aulia Rahmawati); Christians of Batak, Minahasa, Ambon, NTT or
Papua descent pass a family name (marga) to their children; Balinese names start with
I/Ni and a birth-order name. Which style a household gets is decided in :mod:`.regions`
from the provinsi and the household's religion.
"""

from __future__ import annotations

from random import Random
from typing import TYPE_CHECKING, Final

if TYPE_CHECKING:
    from desa_app.core.demo.people import Person

# --------------------------------------------------------------------- given names
_JAWA_MALE: Final = (
    "Suparman", "Sutrisno", "Sugeng", "Slamet", "Joko", "Bambang", "Agus", "Budi", "Hadi",
    "Wahyu", "Teguh", "Sukirno", "Suyono", "Sumarno", "Paijo", "Parman", "Darmo", "Karto",
    "Sarwono", "Purwanto", "Supriyadi", "Sunarto", "Wagiman", "Tukiran", "Sarno", "Mulyono",
    "Harjo", "Gunawan", "Heru", "Eko", "Yanto", "Rudi", "Hendro", "Gatot", "Bagus",
    "Susilo", "Sukardi", "Triyono", "Sugiyono", "Jumadi", "Rohmat", "Waluyo", "Kasiman",
    "Warsito", "Marsudi", "Ngadiman", "Kuswanto", "Sutarno", "Pardi", "Katimin", "Sumadi",
    "Legiman", "Sukino", "Wiyono", "Margono", "Suwandi",
)
_SUNDA_MALE: Final = (
    "Asep", "Ujang", "Dadang", "Cecep", "Dede", "Yayan", "Ade", "Enjang", "Acep", "Aep",
    "Deden", "Jajang", "Oman", "Otong", "Iwan", "Wawan", "Kurnia", "Usep", "Engkos",
    "Dudung", "Mamat", "Nandang", "Ending", "Encep", "Ayi",
)
_MELAYU_MALE: Final = (
    "Andi", "Rizal", "Fauzi", "Hendra", "Irwan", "Syahrul", "Zulkifli", "Firman", "Yusran",
    "Khairul", "Fadli", "Rahmat", "Darmawan", "Hasan", "Ridwan", "Arif", "Hamzah", "Hanafi",
    "Amri", "Zainal", "Rusli", "Syamsul", "Jamal", "Ilham", "Taufik", "Faisal", "Reza",
    "Fikri", "Alif", "Rafi", "Azhar", "Marzuki",
)
_ISLAM_MALE: Final = (
    "Muhammad", "Ahmad", "Abdul", "Mahmud", "Yusuf", "Ibrahim", "Ismail", "Sholeh",
    "Hidayat", "Imam", "Syaiful", "Fathur", "Miftahul", "Khoirul", "Ali", "Umar", "Usman",
    "Hamid", "Rosyid", "Arifin", "Zaenal", "Mukhlis", "Anwar", "Ikhsan", "Luthfi", "Habib",
    "Ilyas", "Zaki", "Habibi", "Nur",
)
_MODERN_MALE: Final = (
    "Rizky", "Fajar", "Aditya", "Fauzan", "Rafa", "Alfarizi", "Arkan", "Keenan", "Dzaky",
    "Naufal", "Raka", "Galih", "Bima", "Satria", "Ardi", "Yoga", "Angga", "Rio", "Dicky",
    "Fahri", "Farhan", "Gilang", "Rangga", "Dimas", "Bayu", "Azka",
)
_KRISTEN_MALE: Final = (
    "Yohanes", "Petrus", "Paulus", "Markus", "Lukas", "Matius", "Yosef", "Stefanus",
    "Fransiskus", "Antonius", "Agustinus", "Benediktus", "Daniel", "Samuel", "Yakobus",
    "Timotius", "Kornelius", "Robert", "Hendrik", "Jonathan", "Gabriel", "Michael",
    "Kristian", "Yosua", "Natanael", "Immanuel", "Roni", "Frans", "Simon", "Andreas",
)
_BALI_MALE: Final = (
    "Sudarsana", "Suarta", "Mahendra", "Arsana", "Wirawan", "Sukadana", "Astawa",
    "Budiarta", "Suparta", "Dharma", "Adnyana", "Sujana", "Kariasa", "Suwirya", "Widiana",
    "Sedana", "Ardana", "Suastika", "Merta", "Parwata",
)

_JAWA_FEMALE: Final = (
    "Sumiati", "Suminah", "Painem", "Sulastri", "Sri", "Siti", "Wartini", "Kasmini",
    "Tumini", "Sukarti", "Partini", "Sukinah", "Lastri", "Endang", "Wahyuni", "Rahayu",
    "Yuliani", "Suprihatin", "Sarmi", "Paini", "Tukinem", "Sumarni", "Ngatini", "Rukmini",
    "Darmi", "Sutinah", "Mujiati", "Setyowati", "Purwanti", "Lestari", "Kartini", "Ratna",
    "Astuti", "Sunarti", "Suwarni", "Rini", "Yuni", "Endah", "Puji", "Winarsih",
    "Juwariyah", "Sukesi", "Tutik", "Yanti", "Sarinah", "Mursini",
)
_SUNDA_FEMALE: Final = (
    "Euis", "Imas", "Iis", "Enok", "Neneng", "Popon", "Cucu", "Ai", "Eneng", "Nining",
    "Yeti", "Entin", "Elis", "Tati", "Nia", "Lilis", "Heni", "Dedeh", "Enah", "Onih",
)
_ISLAM_FEMALE: Final = (
    "Nurhayati", "Fatimah", "Aisyah", "Khadijah", "Zainab", "Maryam", "Halimah", "Rohani",
    "Salmah", "Rukiah", "Aminah", "Hafsah", "Rosmawati", "Nurjanah", "Masitoh", "Mardiyah",
    "Umi", "Latifah", "Hasanah", "Nuraini", "Syarifah", "Azizah", "Hidayah", "Rahmawati",
    "Yulia", "Dewi", "Indah", "Sari", "Novi", "Desi", "Mega", "Eka", "Lina", "Ani",
)
_MODERN_FEMALE: Final = (
    "Zahra", "Salsabila", "Naila", "Nabila", "Aulia", "Annisa", "Putri", "Dinda", "Fitri",
    "Intan", "Kirana", "Zaskia", "Alya", "Keisha", "Nayla", "Syifa", "Adinda", "Laila",
    "Aqila", "Nadia", "Amelia", "Cahaya", "Citra", "Anggun", "Khoirunnisa", "Mutiara",
)
_KRISTEN_FEMALE: Final = (
    "Maria", "Magdalena", "Theresia", "Yohana", "Elisabeth", "Margaretha", "Katarina",
    "Veronika", "Agnes", "Monika", "Lusia", "Kristina", "Debora", "Ester", "Ruth", "Sarah",
    "Rebeka", "Hana", "Priskila", "Natalia", "Angelina", "Fransiska", "Yuliana",
    "Bernadeta", "Martha", "Lidia",
)
_BALI_FEMALE: Final = (
    "Suartini", "Sukerti", "Kartika", "Suryani", "Sumiarti", "Ariani", "Puspita",
    "Suastini", "Widiasih", "Artini", "Murniati", "Sudiani", "Yuliantari", "Padmi", "Ratih",
    "Sekar", "Wulan", "Rai", "Ayu", "Sriasih",
)

# ------------------------------------------------------------ second and family names
_SECOND_MALE: Final = (
    "Santoso", "Wibowo", "Susanto", "Prasetyo", "Setiawan", "Saputra", "Hidayat",
    "Kurniawan", "Nugroho", "Purnomo", "Wijaya", "Hartono", "Sutanto", "Pratama",
    "Ramadhan", "Firmansyah", "Hermawan", "Sulistyo", "Widodo", "Utomo", "Wahyudi",
    "Suryanto", "Budiman", "Rahman", "Hakim", "Maulana", "Syahputra", "Akbar", "Permana",
    "Gunadi", "Haryanto", "Iskandar", "Kusuma", "Setiadi", "Nurhadi", "Sutrisna",
    "Darmawan", "Hasibuan", "Ardiansyah", "Kurniadi",
)
_SECOND_FEMALE: Final = (
    "Lestari", "Pratiwi", "Rahayu", "Safitri", "Handayani", "Wulandari", "Anggraini",
    "Puspitasari", "Ningsih", "Hidayati", "Maharani", "Oktaviani", "Permatasari",
    "Febrianti", "Kurniasih", "Sulistyowati", "Rahmadani", "Susanti", "Fitriani",
    "Novitasari", "Ramadhani", "Utami", "Kusumawati", "Setyaningsih", "Nurhasanah",
)
# Family names children inherit, by origin.
_BATAK: Final = (
    "Simanjuntak", "Siregar", "Nasution", "Lubis", "Harahap", "Sitompul", "Simatupang",
    "Panjaitan", "Hutapea", "Situmorang", "Sinaga", "Pardede", "Manurung", "Tambunan",
    "Sihombing", "Silalahi", "Marpaung", "Damanik", "Ginting", "Tarigan", "Sembiring",
    "Purba", "Saragih",
)
_MINAHASA: Final = (
    "Wenas", "Lumenta", "Rumengan", "Tumbelaka", "Mandagi", "Kaunang", "Sondakh",
    "Pangemanan", "Runtu", "Lasut", "Tambuwun",
)
_AMBON: Final = (
    "Pattinama", "Latuconsina", "Lekatompessy", "Pattiasina", "Matulessy", "Tuhumury",
    "Siahaya", "Leimena",
)
_NTT: Final = (
    "Ndun", "Fanggidae", "Manafe", "Tallo", "Bria", "Seran", "Kolo", "Lake",
)
_PAPUA: Final = (
    "Wenda", "Kogoya", "Tabuni", "Wanimbo", "Rumbiak", "Ayomi", "Mandowen", "Kambu", "Yoku",
)
_MARGA: Final = _BATAK + _MINAHASA + _AMBON + _NTT + _PAPUA

_FAMILIES: Final = {
    "batak": _BATAK,
    "minahasa": _MINAHASA,
    "ambon": _AMBON,
    "ntt": _NTT,
    "papua": _PAPUA,
}
_NEUTRAL_MODERN_MALE: Final = ("Rio", "Dimas", "Bayu", "Galih", "Bima", "Satria", "Yoga",
                               "Angga", "Gilang", "Rangga", "Raka", "Keenan")
_NEUTRAL_MODERN_FEMALE: Final = ("Putri", "Intan", "Citra", "Kirana", "Amelia", "Nadia",
                                 "Cahaya", "Anggun", "Keisha")

MALE_GIVEN: Final[tuple[str, ...]] = tuple(
    dict.fromkeys(
        _JAWA_MALE + _SUNDA_MALE + _MELAYU_MALE + _ISLAM_MALE + _MODERN_MALE
        + _KRISTEN_MALE + _BALI_MALE
    )
)
"""Every male given name the generator may use (for tests and documentation)."""
FEMALE_GIVEN: Final[tuple[str, ...]] = tuple(
    dict.fromkeys(
        _JAWA_FEMALE + _SUNDA_FEMALE + _ISLAM_FEMALE + _MODERN_FEMALE + _KRISTEN_FEMALE
        + _BALI_FEMALE
    )
)
"""Every female given name the generator may use."""
FAMILY_NAMES: Final[tuple[str, ...]] = tuple(
    dict.fromkeys(_SECOND_MALE + _SECOND_FEMALE + _MARGA)
)
"""Second names and family names (marga)."""

# Balinese birth-order names: 1st, 2nd, 3rd, 4th child (then the cycle restarts).
_BALI_ORDER: Final = {
    "1": (("Wayan", "Putu", "Gede"), ("Made", "Kadek"), ("Nyoman", "Komang"), ("Ketut",)),
    "2": (("Wayan", "Putu", "Luh"), ("Made", "Kadek"), ("Nyoman", "Komang"), ("Ketut",)),
}
_OLD = {
    "jawa": (_JAWA_MALE, _JAWA_FEMALE),
    "sunda": (_SUNDA_MALE + _JAWA_MALE[:15], _SUNDA_FEMALE + _JAWA_FEMALE[:15]),
    "melayu": (_MELAYU_MALE + _ISLAM_MALE, _ISLAM_FEMALE),
    "kristen": (_KRISTEN_MALE, _KRISTEN_FEMALE),
}
_NEW = {
    "kristen": (_KRISTEN_MALE + _NEUTRAL_MODERN_MALE, _KRISTEN_FEMALE + _NEUTRAL_MODERN_FEMALE),
}
_NEW_DEFAULT = (_MODERN_MALE + _ISLAM_MALE, _MODERN_FEMALE + _ISLAM_FEMALE)


class NameStyle:
    """How one kind of household names people; built once per village.

    ``kind`` is ``jawa``, ``sunda``, ``melayu``, ``kristen`` or ``bali``. A ``kristen``
    style with ``families`` (``batak``, ``minahasa``, ``ambon``, ``ntt``, ``papua``)
    passes the father's family name to the children; without, it uses second names as
    Christians in Java do. The pools are tuples so each draw is one ``rng.choice``.
    """

    def __init__(self, kind: str, families: str | None = None) -> None:
        self.kind = kind
        old = _OLD.get(kind, _OLD["melayu"])
        new = _NEW.get(kind, _NEW_DEFAULT)
        self._old = {"1": old[0], "2": old[1]}
        self._new = {"1": new[0], "2": new[1]}
        self._second = {"1": _SECOND_MALE, "2": _SECOND_FEMALE}
        self._bali = {"1": _BALI_MALE, "2": _BALI_FEMALE}
        self._families: tuple[str, ...] | None = (
            _FAMILIES[families] if kind == "kristen" and families else None
        )

    def _given(self, rng: Random, sex: str, birth_year: int) -> str:
        modern_share = 0.1 if birth_year < 1970 else 0.45 if birth_year < 1990 else 0.85
        pool = self._new[sex] if rng.random() < modern_share else self._old[sex]
        return rng.choice(pool)

    def adult(self, rng: Random, sex: str, birth_year: int) -> str:
        """Name of someone whose father is not in the household."""
        if self.kind == "bali":
            return self._bali_name(rng, sex, rng.randrange(4))
        given = self._given(rng, sex, birth_year)
        if self._families is not None:
            return f"{given} {rng.choice(self._families)}"
        two_parts = 0.25 if birth_year < 1970 else 0.5 if birth_year < 1990 else 0.75
        if rng.random() < two_parts:
            second = rng.choice(self._second[sex])
            if second != given:
                return f"{given} {second}"
        return given

    def child(self, rng: Random, sex: str, birth_year: int, father: str, order: int) -> str:
        """Name of a child of ``father``: often shares an element of his name.

        ``order`` (0-based birth order among siblings) drives Balinese birth-order names.
        """
        if self.kind == "bali":
            return self._bali_name(rng, sex, order)
        given = self._given(rng, sex, birth_year)
        if self._families is not None:
            family = father.split()[-1] if " " in father else rng.choice(self._families)
            return f"{given} {family}"
        if rng.random() < 0.45:
            element = father.split()[-1]
            if element != given and (sex == "1" or " " in father):
                return f"{given} {element}"
        return self.adult(rng, sex, birth_year)

    def _bali_name(self, rng: Random, sex: str, order: int) -> str:
        prefix = "I" if sex == "1" else "Ni"
        birth_name = rng.choice(_BALI_ORDER[sex][order % 4])
        return f"{prefix} {birth_name} {rng.choice(self._bali[sex])}"

    def given_part(self, name: str) -> str:
        """The element siblings must not share (Balinese: the last, else the first)."""
        parts = name.split()
        return parts[-1] if self.kind == "bali" else parts[0]


def name_household(rng: Random, style: NameStyle, members: list[Person]) -> None:
    """Give every member a name, fathers before children so children can share one.

    Members are named after the father present in the household (the head after an
    ayah living with them); nobody in a household shares a given name with another.
    """
    taken = {style.given_part(p.name) for p in members if p.name}

    def name_of(person: Person) -> None:
        father = person.father
        if father is not None and not father.name:
            name_of(father)
        for _ in range(8):
            if father is None:
                name = style.adult(rng, person.sex, person.birth.year)
            else:
                name = style.child(rng, person.sex, person.birth.year, father.name, person.order)
            if style.given_part(name) not in taken:
                break
        person.name = name
        taken.add(style.given_part(name))

    for person in members:
        if not person.name:
            name_of(person)


ENUMERATOR_NAMES: Final = (
    "Wahyuni", "Sri Handayani", "Agus Setiawan", "Eko Prasetyo", "Nur Hidayah",
    "Dwi Lestari", "Bambang Sutrisno", "Siti Aminah", "Rina Kurniasih", "Heru Santoso",
)
"""Enumerators (village staff and cadres); a team of 3-5 is drawn per village."""

DUSUN_NAMES: Final = {
    "jawa": ("Krajan", "Ngasem", "Sumberejo", "Karanganyar", "Kedungsari", "Tegalrejo",
             "Sidomulyo", "Banaran", "Gondang", "Jatisari", "Wonosari", "Cangkring",
             "Sukorejo", "Ngemplak", "Pucung", "Tambakrejo"),
    "sunda": ("Sukamaju", "Cibodas", "Sukamulya", "Mekarsari", "Cikadu", "Babakan",
              "Cijambu", "Pasirjaya", "Sindangsari", "Margamulya"),
    "melayu": ("Sungai Baru", "Suka Damai", "Tanjung Harapan", "Simpang Tiga", "Bukit Indah",
               "Sei Rampah", "Pasar Lama", "Lubuk Jaya"),
    "kristen": ("Dusun I", "Dusun II", "Dusun III", "Dusun IV", "Dusun V", "Dusun VI"),
    "bali": ("Banjar Kaja", "Banjar Kelod", "Banjar Kangin", "Banjar Kauh", "Banjar Tengah",
             "Banjar Anyar"),
}
"""Dusun (hamlet) names by naming style; 3-6 are drawn per village."""
