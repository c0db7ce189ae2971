"""Content checks for the Indonesian dictionaries written for this project.

Files: dictionaries/verbs/id/*.yaml, dictionaries/actors/id_*.yaml, dictionaries/agents/id_agents.yaml.
They are hand-written data, so these tests pin down what a user of the coder relies on: every CAMEO root
has Indonesian verbs, every code is a real CAMEO code, the constructions of the seed article and of
ordinary wire news code as intended, the common actors and role words are there with the right codes,
and stems that collide with very common words never code on their own.
"""

from __future__ import annotations

import re
import shutil
from collections import Counter
from functools import cache
from pathlib import Path

import pytest
import yaml

from coder.dictionaries.loader import Loader
from coder.languages import get_language

DICTIONARIES = Path(__file__).resolve().parent.parent / "dictionaries"
VERB_FILES = sorted((DICTIONARIES / "verbs" / "id").glob("*.yaml"))
ACTOR_FILES = sorted((DICTIONARIES / "actors").glob("id_*.yaml"))
AGENT_FILE = DICTIONARIES / "agents" / "id_agents.yaml"
LEADERS = DICTIONARIES / "actors" / "leaders_current.yaml"
EVENT_CODES = DICTIONARIES / "cameo" / "event_codes.yaml"

ROOTS = [f"{n:02d}" for n in range(1, 21)]
MIN_PATTERNS = 400
MIN_CODES = 120
MIN_PATTERNS_PER_ROOT = 8
MIN_AGENT_NAMES = 150
MIN_COUNTRIES = 180
ACTOR_CODE = re.compile(r"^(?:[A-Z0-9]{3})+$")

# Stems that are also very common unrelated words (melakukan 'do', menggunakan 'use', `tahu` 'know' is
# `beri` in the lemma table, `salah satu` 'one of', pertahanan 'defence', ...): a trigger with such a
# normal form may code only through its patterns.
PATTERN_ONLY_STEMS = {"laku", "guna", "beri", "salah", "aku", "kena", "tahan", "tarik", "putus", "turun",
                      "penuh", "buka", "tutup", "lapor", "jatuh", "angkat", "henti", "bebas", "lepas",
                      "tempur", "perang", "tindak", "bantu", "sepakat", "ledak", "serah", "periksa", "janji",
                      "hormat", "tiba", "kudeta", "kirim", "gelar", "ingat", "bicara", "terima", "izin",
                      "duduk"}
# Stems that must not be triggers at all: they are the stems of everyday nouns and prepositions
# (pemerintah, pemimpin, pejabat, tujuan, perlawanan, tentang, kekuasaan, pemilihan umum,
# pernyataan, tegas, tempat, undang-undang, tengah, harga, pukul).
FORBIDDEN_STEMS = {"perintah", "pimpin", "jabat", "tuju", "tetap", "lawan", "tentang", "kuasa",
                   "umum", "nyata", "tegas", "tempat", "undang", "tengah", "harga", "pukul", "hukum",
                   "adil", "batas", "senjata", "oleh"}


def load(path: Path) -> dict:
    with path.open(encoding="utf-8") as handle:
        return yaml.safe_load(handle)


def as_list(value) -> list:
    return value if isinstance(value, list) else [value]


@pytest.fixture(scope="module")
def cameo_codes() -> set[str]:
    return {str(code) for code in load(EVENT_CODES)["event_codes"]}


@pytest.fixture(scope="module")
def verb_entries() -> list[tuple[str, dict]]:
    entries = []
    for path in VERB_FILES:
        data = load(path)
        assert set(data) <= {"verbs", "synsets"}, path.name
        entries += [(path.name, entry) for entry in data["verbs"]]
    return entries


@pytest.fixture(scope="module")
def indonesian():
    return get_language("id")


def pattern_codes(entries: list[tuple[str, dict]]) -> list[str]:
    """Codes counted as patterns: each entry's default code and each of its patterns, except "---"
    (an entry that codes only through patterns, or a blocking pattern)."""
    codes = []
    for _, entry in entries:
        codes += [entry["code"]] + [pattern["code"] for pattern in entry.get("patterns") or []]
    return [code for code in codes if code != "---"]


def normal_forms(language, entry: dict) -> list[str]:
    return [" ".join(key for word in language.tokenize_phrase(trigger) for key in language.verb_keys(word))
            for trigger in as_list(entry["verb"])]


# ---------------------------------------------------------------------------------------- structure
def test_files_exist() -> None:
    assert len(VERB_FILES) >= 4
    assert {path.name for path in ACTOR_FILES} >= {"id_countries.yaml", "id_organisations.yaml",
                                                    "id_indonesia.yaml"}
    assert AGENT_FILE.exists()


def test_the_loader_accepts_the_indonesian_files_without_a_problem(dictionary_dir: Path) -> None:
    """Loaded on their own (with leaders_current.yaml, whose names they must not contradict)."""
    for path in [*VERB_FILES, *ACTOR_FILES, AGENT_FILE, LEADERS]:
        target = dictionary_dir / path.relative_to(DICTIONARIES)
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(path, target)
    store, problems = Loader(dictionary_dir).collect()
    assert [str(problem) for problem in problems] == []
    assert store.duplicates == []


def test_every_verb_entry_has_a_trigger_a_quoted_code_and_well_formed_patterns(verb_entries) -> None:
    for name, entry in verb_entries:
        assert set(entry) <= {"verb", "code", "patterns", "comment"}, (name, entry)
        assert all(isinstance(t, str) and t.strip() for t in as_list(entry["verb"])), (name, entry)
        assert isinstance(entry["code"], str), f"{name}: code of {entry['verb']} must be quoted"
        for pattern in entry.get("patterns") or []:
            assert isinstance(pattern["code"], str), f"{name}: {pattern} code must be quoted"
            tokens = pattern["pattern"].split()
            assert tokens.count("*") == 1, (name, pattern)
            assert tokens.count("+") <= 1 and tokens.count("$") <= 1, (name, pattern)


def test_every_code_is_a_cameo_event_code(verb_entries, cameo_codes) -> None:
    unknown = sorted({code for code in pattern_codes(verb_entries) if code not in cameo_codes})
    assert unknown == []


def test_pattern_and_code_counts(verb_entries) -> None:
    codes = pattern_codes(verb_entries)
    assert len(codes) >= MIN_PATTERNS
    assert len(set(codes)) >= MIN_CODES


@pytest.mark.parametrize("root", ROOTS)
def test_every_cameo_root_has_indonesian_patterns(verb_entries, root) -> None:
    per_root = Counter(code[:2] for code in pattern_codes(verb_entries))
    assert per_root[root] >= MIN_PATTERNS_PER_ROOT


def test_no_two_entries_share_a_trigger_normal_form(verb_entries, indonesian) -> None:
    owners: dict[str, list[str]] = {}
    for name, entry in verb_entries:
        for form in set(normal_forms(indonesian, entry)):
            owners.setdefault(form, []).append(f"{name}:{as_list(entry['verb'])[0]}")
    assert {form: where for form, where in owners.items() if len(where) > 1} == {}


def test_ambiguous_stems_code_only_through_patterns(verb_entries, indonesian) -> None:
    coding_alone = [(name, entry["verb"]) for name, entry in verb_entries
                    if entry["code"] != "---" and set(normal_forms(indonesian, entry)) & PATTERN_ONLY_STEMS]
    assert coding_alone == []


def test_no_trigger_is_the_stem_of_an_everyday_word(verb_entries, indonesian) -> None:
    found = [(name, entry["verb"]) for name, entry in verb_entries
             if set(normal_forms(indonesian, entry)) & FORBIDDEN_STEMS]
    assert found == []


# ---------------------------------------------------------------------------- coded constructions
# (sentence, date, source prefix, code, target prefix): the seed article's constructions first, then
# ordinary wire news. Coded with the shipped dictionaries, so a broken or missing entry fails here.
CONSTRUCTIONS = [
    ("Presiden Prabowo akan bertemu Presiden Vladimir Putin di Moskow.", "2025-03-03", "IDNGOV", "036", "RUSGOV"),
    ("Rusia menjadi pemasok utama persenjataan untuk militer Myanmar.", "2025-03-03", "RUS", "072", "MMRMIL"),
    ("Amerika Serikat memberlakukan sanksi terhadap junta Myanmar.", "2025-03-03", "USA", "163", "MMRMIL"),
    ("Myanmar diberi sanksi oleh Uni Eropa.", "2025-03-03", "IGOEUREEC", "163", "MMR"),
    ("Militer Myanmar melancarkan serangan udara terhadap Tentara Arakan.", "2025-03-03", "MMRMIL", "195", "MMRREB"),
    ("Junta Myanmar menewaskan ratusan warga sipil.", "2025-03-03", "MMRMIL", "202", "MMRCVL"),
    ("Polisi menewaskan seorang pemberontak di Papua.", "2025-03-03", "IDNCOP", "1823", "IDNREB"),
    ("Rusia mengirim utusan khusus ke Indonesia.", "2025-03-03", "RUS", "042", "IDN"),
    ("Menteri Luar Negeri Rusia mengunjungi Jakarta.", "2025-03-03", "RUSGOV", "042", "IDN"),
    ("Indonesia menandatangani perjanjian perdagangan dengan Australia.", "2025-03-03", "IDN", "057", "AUS"),
    ("Min Aung Hlaing menggulingkan pemerintahan Aung San Suu Kyi.", "2021-02-01", "MMRGOV", "180", "MMROPP"),
    ("China menuduh Amerika Serikat melakukan spionase.", "2025-03-03", "CHN", "1125", "USA"),
    ("Indonesia mengecam Israel.", "2025-03-03", "IDN", "111", "ISR"),
    ("Indonesia mengecam serangan Israel terhadap Gaza.", "2025-03-03", "ISR", "190", "GZS"),
    ("Iran menolak tuntutan Amerika Serikat.", "2025-03-03", "IRN", "124", "USA"),
    ("Mahasiswa menuntut DPR membatalkan undang-undang itu.", "2025-03-03", "IDNEDU", "1042", "IDNLEG"),
    ("Korea Utara mengancam Korea Selatan.", "2025-03-03", "PRK", "130", "KOR"),
    ("Polisi menangkap aktivis Papua di Jayapura.", "2025-03-03", "IDNCOP", "173", "IDNOPP"),
    ("Malaysia mendeportasi ratusan WNI.", "2025-03-03", "MYS", "174", "IDNCVL"),
    ("Pemerintah Thailand berunding dengan pemberontak.", "2025-03-03", "THAGOV", "046", "THAREB"),
    ("Presiden Prabowo meminta maaf kepada rakyat Papua.", "2025-03-03", "IDNGOV", "055", "IDNCVL"),
    ("Rusia memutuskan hubungan diplomatik dengan Georgia.", "2025-03-03", "RUS", "161", "GEO"),
    ("Rusia menginvasi Ukraina pada Februari 2022.", "2025-03-03", "RUS", "192", "UKR"),
    ("Israel memblokade Jalur Gaza.", "2025-03-03", "ISR", "191", "GZS"),
    ("KKB menculik seorang pilot asal Selandia Baru.", "2025-03-03", "IDNREB", "181", "NZL"),
    ("Ribuan buruh berdemonstrasi di depan Istana Negara.", "2025-03-03", "IDNLAB", "141", "IDNGOV"),
    ("Amerika Serikat memuji Indonesia.", "2025-03-03", "USA", "051", "IDN"),
    ("Indonesia mengakui kemerdekaan Palestina.", "2025-03-03", "IDN", "054", "PSE"),
    ("Amerika Serikat memberikan bantuan militer kepada Ukraina.", "2025-03-03", "USA", "072", "UKR"),
    ("Indonesia mengirim bantuan kemanusiaan ke Gaza.", "2025-03-03", "IDN", "073", "GZS"),
    ("KKB menembak mati dua prajurit TNI.", "2025-03-03", "IDNREB", "1823", "IDNMIL"),
    ("Uni Eropa mencabut sanksi terhadap Myanmar.", "2025-03-03", "IGOEUREEC", "085", "MMR"),
    ("Polisi membubarkan demonstran dengan gas air mata di Jakarta.", "2025-03-03", "IDNCOP", "175", "IDNOPP"),
    ("Hamas menyandera warga Israel.", "2025-03-03", "PSEREB", "181", "ISRCVL"),
    ("Rusia membantai warga sipil Ukraina di Bucha.", "2025-03-03", "RUS", "202", "UKRCVL"),
    ("Israel mengusir ribuan warga Palestina.", "2025-03-03", "ISR", "201", "PSECVL"),
    # the supplier after `dari` is the source, the subject the receiver
    ("Junta Myanmar mengandalkan senjata dari Rusia.", "2025-03-03", "RUS", "072", "MMRMIL"),
    ("Myanmar menerima bantuan militer dari China.", "2025-03-03", "CHN", "072", "MMR"),
    ("Kementerian Luar Negeri memanggil duta besar Australia.", "2025-03-03", "IDNGOV", "114", "AUS"),
    ("Filipina mengajukan protes kepada China.", "2025-03-03", "PHL", "114", "CHN"),
]


@pytest.mark.parametrize("sentence, date, source, code, target", CONSTRUCTIONS, ids=lambda v: str(v)[:40])
def test_construction_is_coded(shipped_coder, sentence, date, source, code, target) -> None:
    events = shipped_coder.code_text(sentence, lang="id", date=date, doc_id="t")
    found = [(e.source, e.code, e.target) for e in events]
    assert any(s.startswith(source) and c == code and t.startswith(target) for s, c, t in found), found


@pytest.mark.parametrize("sentence", [
    "Militer Myanmar mempertahankan kekuasaan.",               # tahan: pertahanan, mempertahankan
    "Polisi menemukan mayat di Jakarta.",                       # temu: menemukan 'find'
    "Wisatawan Jepang mengunjungi Bali.",                       # tourists
    "Penyakit ini menyerang warga Jakarta.",                    # a disease attacks
    "Para pendukung Prabowo berkumpul di Jakarta.",             # pendukung is not mendukung
    "Myanmar adalah salah satu mitra terdekat Rusia.",          # salah satu
    "Kesepakatan dagang antara Amerika Serikat dan China diperkirakan akan rampung.",
    "Junta menggunakan jet tempur Rusia.",                      # tempur, guna
])
def test_everyday_uses_of_ambiguous_stems_code_nothing(shipped_coder, sentence) -> None:
    assert shipped_coder.code_text(sentence, lang="id", date="2025-03-03", doc_id="t") == []


# ----------------------------------------------------------------------------------- actors, agents
@cache
def actor_entries() -> list[dict]:
    return [entry for path in ACTOR_FILES for entry in load(path)["actors"]]


def code_on(entry: dict, day: str) -> str:
    for dated in entry.get("dated") or []:
        start, end = dated.get("from"), dated.get("to")
        if (start is None or str(start) <= day) and (end is None or day < str(end)):
            return dated["code"]
    return entry["code"]


@cache
def by_name(lang: str = "id") -> dict[str, dict]:
    table: dict[str, dict] = {}
    for entry in actor_entries():
        for name in entry["names"].get(lang, []):
            assert name not in table, f"'{name}' ({lang}) is listed twice"
            table[name] = entry
    return table


def test_actor_entries_are_well_formed() -> None:
    for entry in actor_entries():
        assert set(entry) <= {"id", "code", "dated", "names", "comment"}, entry
        assert ACTOR_CODE.match(entry["code"]), entry
        assert set(entry["names"]) <= {"id", "en"} and entry["names"].get("id"), entry
        for dated in entry.get("dated") or []:
            assert ACTOR_CODE.match(dated["code"]), entry
            if dated.get("from") and dated.get("to"):
                assert dated["from"] < dated["to"], entry


@pytest.mark.parametrize("name, code", [
    ("Tiongkok", "CHN"), ("China", "CHN"), ("RRT", "CHN"), ("Beijing", "CHN"),
    ("Amerika Serikat", "USA"), ("AS", "USA"), ("Washington", "USA"), ("Gedung Putih", "USAGOV"),
    ("Rusia", "RUS"), ("Moskow", "RUS"), ("Kremlin", "RUSGOV"),
    ("Myanmar", "MMR"), ("Burma", "MMR"), ("Korea Utara", "PRK"), ("Korut", "PRK"), ("Pyongyang", "PRK"),
    ("Barat", "WST"), ("Eropa", "EUR"), ("Jawa Barat", "IDN"), ("Tepi Barat", "WSB"),
    ("PBB", "IGOUNO"), ("Perserikatan Bangsa-Bangsa", "IGOUNO"), ("ASEAN", "IGOSEAASN"),
    ("Uni Eropa", "IGOEUREEC"), ("NATO", "IGOWSTNAT"), ("Washington Post", "USAMED"),
    ("TNI", "IDNMIL"), ("Polri", "IDNCOP"), ("Densus 88", "IDNCOP"), ("KKB", "IDNREB"), ("OPM", "IDNREB"),
    ("DPR", "IDNLEG"), ("KPK", "IDNJUD"), ("BIN", "IDNSPY"), ("Kemlu", "IDNGOV"), ("Kemhan", "IDNMIL"),
    ("Tatmadaw", "MMRMIL"), ("Hamas", "PSEREBHMS"),
])
def test_actor_names_carry_their_codes(name, code) -> None:
    assert by_name()[name]["code"] == code


@pytest.mark.parametrize("name, day, code", [
    ("Dewan Administrasi Negara", "2025-03-03", "MMRGOV"),
    ("Dewan Administrasi Negara", "2020-01-01", "MMRMIL"),
    ("NLD", "2018-01-01", "MMRGOV"),
    ("NLD", "2022-01-01", "MMROPP"),
    ("Taliban", "2019-01-01", "AFGREB"),
    ("Taliban", "2023-01-01", "AFGGOV"),
    ("Tito Karnavian", "2018-01-01", "IDNCOP"),
    ("Tito Karnavian", "2023-01-01", "IDNGOV"),
])
def test_dated_actor_codes(name, day, code) -> None:
    assert code_on(by_name()[name], day) == code


def test_most_countries_have_an_indonesian_name() -> None:
    countries = set(load(DICTIONARIES / "cameo" / "countries.yaml")["countries"])
    coded = {entry["code"] for entry in actor_entries() if len(entry["code"]) == 3}
    assert len(coded & countries) >= MIN_COUNTRIES


def test_no_person_of_leaders_current_is_repeated_here() -> None:
    leader_names = {str(name).lower() for entry in load(LEADERS)["actors"]
                    for names in entry["names"].values() for name in names}
    repeated = sorted(name for lang in ("id", "en") for name in by_name(lang) if name.lower() in leader_names)
    assert repeated == []


def test_dated_ranges_of_one_actor_do_not_overlap() -> None:
    for entry in actor_entries():
        ranges = sorted((str(d.get("from") or "0000"), str(d.get("to") or "9999"))
                        for d in entry.get("dated") or [])
        for (_, end), (start, _) in zip(ranges, ranges[1:], strict=False):
            assert end <= start, entry


@pytest.fixture(scope="module")
def agents() -> dict[str, str]:
    table: dict[str, str] = {}
    for entry in load(AGENT_FILE)["agents"]:
        assert set(entry) <= {"code", "names", "comment"} and set(entry["names"]) == {"id"}, entry
        for name in entry["names"]["id"]:
            assert name not in table, f"agent '{name}' is listed twice"
            table[name] = entry["code"]
    return table


def test_agent_count(agents) -> None:
    assert len(agents) >= MIN_AGENT_NAMES


@pytest.mark.parametrize("name, code", [
    ("pemerintah", "GOV"), ("militer", "MIL"), ("tentara", "MIL"), ("angkatan bersenjata", "MIL"),
    ("pasukan", "MIL"), ("junta", "MIL"), ("polisi", "COP"), ("kepolisian", "COP"), ("pemberontak", "REB"),
    ("gerilyawan", "REB"), ("kelompok bersenjata", "REB"), ("kelompok etnis bersenjata", "REB"),
    ("perlawanan", "REB"), ("kelompok perlawanan", "REB"), ("warga sipil", "CVL"), ("penduduk", "CVL"),
    ("demonstran", "OPP"), ("pengunjuk rasa", "OPP"), ("oposisi", "OPP"), ("mahasiswa", "EDU"),
    ("presiden", "GOV"), ("perdana menteri", "GOV"), ("menteri", "GOV"), ("pejabat", "GOV"),
    ("diplomat", "GOV"), ("duta besar", "GOV"), ("hakim", "JUD"), ("pengadilan", "JUD"), ("parlemen", "LEG"),
    ("wartawan", "MED"), ("pengungsi", "REF"), ("teroris", "UAF"), ("pendukung", "CVL"),
])
def test_agent_words_carry_their_sectors(agents, name, code) -> None:
    assert agents[name] == code


def test_agent_codes_are_cameo_sector_codes(agents) -> None:
    sectors = set(load(DICTIONARIES / "cameo" / "sectors.yaml")["sectors"])
    religions = {"MOS", "CHR", "BUD"}  # CAMEO religion codes, used as in Phoenix (MUSLIM_CLERIC -> MOS)
    for name, code in agents.items():
        parts = {code[i:i + 3] for i in range(0, len(code), 3)}
        assert parts <= sectors | religions, (name, code)
