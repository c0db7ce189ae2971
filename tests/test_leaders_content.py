"""Content checks for dictionaries/actors/leaders_current.yaml (current and recent leaders).

The file is hand-written data: these tests catch the mistakes such data invites (a date typo, a range
that ends before it starts, one name given to two people, a country left without a defence minister)
and pin down the dated codes the coder depends on (Putin in 2010 is RUSGOV, Min Aung Hlaing is MMRMIL
before the 2021 coup and MMRGOV after it).
"""

from __future__ import annotations

import datetime as dt
import re
from collections import defaultdict
from itertools import combinations
from pathlib import Path

import pytest
import yaml

ACTORS_DIR = Path(__file__).resolve().parent.parent / "dictionaries" / "actors"
LEADERS = ACTORS_DIR / "leaders_current.yaml"

ENTRY_KEYS = {"id", "code", "dated", "names", "comment"}
RANGE_KEYS = {"code", "from", "to"}
NAME_LANGS = {"any", "en", "id"}
CODE_RE = re.compile(r"^(?:[A-Z]{3})+$")
ID_RE = re.compile(r"^[A-Z0-9_]+$")
AS_OF = dt.date(2026, 1, 1)

# Countries (and organisations) the file must cover, as CAMEO codes.
G20 = ["ARG", "AUS", "BRA", "CAN", "CHN", "FRA", "DEU", "IND", "IDN", "ITA", "JPN", "MEX", "RUS", "SAU",
       "ZAF", "KOR", "TUR", "GBR", "USA"]
ASEAN = ["BRN", "KHM", "IDN", "LAO", "MYS", "MMR", "PHL", "SGP", "THA", "VNM", "TMP"]
OTHERS = ["UKR", "ISR", "IRN", "PRK"]
COUNTRIES = sorted(set(G20 + ASEAN + OTHERS))

# Offices are read from the comments: "<office> since YYYY-MM-DD" marks an office still held.
SINCE_RE = re.compile(r"([^;(]*?)\bsince (\d{4}-\d{2}-\d{2})")
DEFENCE_RE = re.compile(r"Defen[cs]e|Armed Forces|Secretary of War|Joint Chiefs|Chief of Staff|Commander",
                        re.IGNORECASE)
FOREIGN_RE = re.compile(r"Foreign|External Affairs|International Relations|Secretary of State")
HEAD_RE = re.compile(r"President|Prime Minister|Premier|Chancellor|King|Queen|Emperor|Sultan|"
                     r"Supreme Leader|General Secretary|junta leader")


def _date(value: object, where: str) -> dt.date:
    """YAML gives dates as datetime.date (unquoted) or str (quoted); accept both, reject the rest."""
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        return dt.date.fromisoformat(value)
    raise AssertionError(f"{where}: {value!r} is not a YYYY-MM-DD date")


def _load(path: Path) -> list[dict]:
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    return data.get("actors") or []


def _ranges(entry: dict) -> list[tuple[str, dt.date | None, dt.date | None]]:
    where = entry.get("id", entry.get("code"))
    out = []
    for rng in entry.get("dated") or []:
        start = _date(rng["from"], where) if rng.get("from") is not None else None
        end = _date(rng["to"], where) if rng.get("to") is not None else None
        out.append((str(rng["code"]), start, end))
    return out


def code_on(entry: dict, day: dt.date) -> str:
    """The code an entry carries on `day`: the first dated range holding it, else the default code."""
    for code, start, end in _ranges(entry):
        if (start is None or start <= day) and (end is None or day < end):
            return code
    return str(entry["code"])


def _phrases(entry: dict, lang: str) -> list[str]:
    names = entry.get("names") or {}
    return [str(p) for p in (names.get("any") or []) + (names.get(lang) or [])]


@pytest.fixture(scope="module")
def entries() -> list[dict]:
    assert LEADERS.exists(), f"missing {LEADERS}"
    return _load(LEADERS)


@pytest.fixture(scope="module")
def by_id(entries: list[dict]) -> dict[str, dict]:
    return {e["id"]: e for e in entries}


@pytest.fixture(scope="module")
def other_main_entries() -> list[tuple[str, dict]]:
    """Entries of the other actors/*.yaml files of the main layer (a `layer: base` import may be overridden)."""
    out = []
    for path in sorted(ACTORS_DIR.glob("*.yaml")):
        if path == LEADERS:
            continue
        text = path.read_text(encoding="utf-8")
        if re.search(r"^layer:\s*base\b", text, re.MULTILINE):
            continue
        out.extend((path.name, e) for e in (yaml.safe_load(text) or {}).get("actors") or [])
    return out


def test_entries_have_the_documented_structure(entries: list[dict]) -> None:
    assert len(entries) >= 300
    for e in entries:
        where = e.get("id")
        assert set(e) <= ENTRY_KEYS, f"{where}: unknown keys {set(e) - ENTRY_KEYS}"
        assert ID_RE.match(str(e.get("id", ""))), f"{where}: id must be UPPER_SNAKE"
        assert CODE_RE.match(str(e["code"])), f"{where}: bad code {e['code']!r}"
        names = e["names"]
        assert names and set(names) <= NAME_LANGS, f"{where}: names need any/en/id lists"
        assert all(isinstance(v, list) and v and all(isinstance(p, str) and p.strip() for p in v)
                   for v in names.values()), f"{where}: empty name list or non-text name"
        assert isinstance(e.get("comment"), str) and e["comment"], f"{where}: comment missing"
        for rng in e.get("dated") or []:
            assert set(rng) <= RANGE_KEYS and "code" in rng, f"{where}: bad dated range {rng}"
            assert CODE_RE.match(str(rng["code"])), f"{where}: bad dated code {rng['code']!r}"
            assert rng.get("from") is not None or rng.get("to") is not None, f"{where}: empty range"


def test_ids_are_unique(entries: list[dict]) -> None:
    ids = [e["id"] for e in entries]
    assert len(ids) == len(set(ids)), sorted({i for i in ids if ids.count(i) > 1})


def test_dates_are_valid_ordered_and_not_overlapping(entries: list[dict]) -> None:
    for e in entries:
        ranges = _ranges(e)
        for code, start, end in ranges:
            assert start is None or end is None or start < end, f"{e['id']}: {code} {start}..{end}"
            assert start is None or start <= AS_OF, f"{e['id']}: {code} starts in the future ({start})"
        ordered = sorted(ranges, key=lambda r: r[1] or dt.date.min)
        assert ordered == ranges, f"{e['id']}: dated ranges are not in date order"
        for (code_a, _, end_a), (code_b, start_b, _) in combinations(ordered, 2):
            if code_a != code_b:
                assert end_a is not None and start_b is not None and end_a <= start_b, \
                    f"{e['id']}: {code_a} and {code_b} overlap"


def test_no_phrase_names_two_entries(entries: list[dict], other_main_entries: list[tuple[str, dict]]) -> None:
    """One phrase, one person: within this file, and against the other project actor files."""
    tagged = [(LEADERS.name, e) for e in entries] + other_main_entries
    for lang in ("en", "id"):
        seen: dict[str, str] = {}
        for fname, e in tagged:
            label = f"{fname}:{e.get('id') or e.get('code')}"
            own = [p.casefold() for p in _phrases(e, lang)]
            assert len(own) == len(set(own)), f"{label}: a name is listed twice"
            for phrase in own:
                other = seen.setdefault(phrase, label)
                involves_this_file = fname == LEADERS.name or other.startswith(LEADERS.name + ":")
                assert other == label or not involves_this_file, f"{lang} name {phrase!r} is in {other} and {label}"


def test_surnames_that_are_too_common_are_not_names(entries: list[dict]) -> None:
    banned = {"lee", "kim", "wang", "li", "singh", "park", "johnson", "may", "duterte", "marcos", "albanese"}
    for e in entries:
        for lang in ("en", "id"):
            bad = banned & {p.casefold() for p in _phrases(e, lang)}
            assert not bad, f"{e['id']}: ambiguous bare surname {bad}"


def test_every_country_has_current_head_defence_and_foreign_minister(entries: list[dict]) -> None:
    offices: dict[str, set[str]] = defaultdict(set)
    holders: dict[str, int] = defaultdict(int)
    for e in entries:
        code = code_on(e, AS_OF)
        country = code[:3]
        if code[3:] not in ("GOV", "MIL"):
            continue
        holders[country] += 1
        for office, start in SINCE_RE.findall(e["comment"]):
            if dt.date.fromisoformat(start) > AS_OF:
                continue
            if DEFENCE_RE.search(office):
                offices[country].add("defence")
            elif FOREIGN_RE.search(office):
                offices[country].add("foreign")
            elif HEAD_RE.search(office):
                offices[country].add("head")
    missing = {c: {"head", "defence", "foreign"} - offices[c] for c in COUNTRIES
               if {"head", "defence", "foreign"} - offices[c]}
    assert not missing, f"offices without a current holder: {missing}"
    assert all(holders[c] >= 3 for c in COUNTRIES), {c: holders[c] for c in COUNTRIES if holders[c] < 3}


def test_current_offices_in_comments_match_the_codes(entries: list[dict]) -> None:
    """An office written as held 'since D' must give the person an office code (not ELI) from D to 2026-01-01."""
    for e in entries:
        for office, start in SINCE_RE.findall(e["comment"]):
            day = dt.date.fromisoformat(start)
            for when in (day, AS_OF):
                code = code_on(e, when)
                assert code.endswith(("GOV", "MIL", "OPP", "LEG")) or code.startswith("IGO"), \
                    f"{e['id']}: '{office.strip()} since {start}' but code on {when} is {code}"


@pytest.mark.parametrize("org, office_re", [
    ("IGOUNO", r"UN Secretary-General"),
    ("IGOWSTNAT", r"NATO Secretary General"),
    ("IGOEUREEC", r"Commission President"),
    ("IGOEUREEC", r"Council President"),
    ("IGOEUREEC", r"High Representative"),
])
def test_international_organisations_have_current_leaders(entries: list[dict], org: str, office_re: str) -> None:
    current = [e["id"] for e in entries if code_on(e, AS_OF) == org
               and re.search(office_re + r"[^;]* since", e["comment"])]
    assert len(current) == 1, f"{office_re}: {current}"


@pytest.mark.parametrize("person, day, code", [
    ("VLADIMIR_PUTIN", "1999-01-01", "RUSELI"),
    ("VLADIMIR_PUTIN", "2010-06-01", "RUSGOV"),
    ("VLADIMIR_PUTIN", "2025-03-03", "RUSGOV"),
    ("MIN_AUNG_HLAING", "2020-01-01", "MMRMIL"),
    ("MIN_AUNG_HLAING", "2021-01-31", "MMRMIL"),
    ("MIN_AUNG_HLAING", "2021-02-01", "MMRGOV"),
    ("MIN_AUNG_HLAING", "2025-03-03", "MMRGOV"),
    ("SERGEI_SHOIGU", "2012-11-05", "RUSGOV"),
    ("SERGEI_SHOIGU", "2012-11-06", "RUSMIL"),
    ("SERGEI_SHOIGU", "2024-05-11", "RUSMIL"),
    ("SERGEI_SHOIGU", "2024-05-12", "RUSGOV"),
    ("ANDREI_BELOUSOV", "2025-03-03", "RUSMIL"),
    ("AUNG_SAN_SUU_KYI", "2010-01-01", "MMROPP"),
    ("AUNG_SAN_SUU_KYI", "2016-04-06", "MMRGOV"),
    ("AUNG_SAN_SUU_KYI", "2021-01-31", "MMRGOV"),
    ("AUNG_SAN_SUU_KYI", "2021-02-01", "MMROPP"),
    ("DONALD_TRUMP", "2019-06-01", "USAGOV"),
    ("DONALD_TRUMP", "2023-06-01", "USAELI"),
    ("DONALD_TRUMP", "2025-03-03", "USAGOV"),
    ("VOLODYMYR_ZELENSKY", "2019-05-19", "UKRELI"),
    ("VOLODYMYR_ZELENSKY", "2022-02-24", "UKRGOV"),
    ("DENYS_SHMYHAL", "2024-01-01", "UKRGOV"),
    ("DENYS_SHMYHAL", "2025-08-01", "UKRMIL"),
    ("PRABOWO_SUBIANTO", "2020-01-01", "IDNMIL"),
    ("PRABOWO_SUBIANTO", "2025-03-03", "IDNGOV"),
    ("DONALD_TUSK", "2017-01-01", "IGOEUREEC"),
    ("DONALD_TUSK", "2024-01-01", "POLGOV"),
    ("ANTONIO_GUTERRES", "2025-03-03", "IGOUNO"),
    ("MARK_RUTTE", "2020-01-01", "NLDGOV"),
    ("MARK_RUTTE", "2025-03-03", "IGOWSTNAT"),
    ("KIM_JONG_UN", "2025-03-03", "PRKGOV"),
    ("YOON_SUK_YEOL", "2025-05-01", "KORELI"),
    ("LEE_JAE_MYUNG", "2024-01-01", "KOROPP"),
    ("LEE_JAE_MYUNG", "2025-07-01", "KORGOV"),
    ("BENJAMIN_NETANYAHU", "2022-01-01", "ISROPP"),
    ("BENJAMIN_NETANYAHU", "2024-01-01", "ISRGOV"),
])
def test_dates_resolve_to_the_expected_code(by_id: dict[str, dict], person: str, day: str, code: str) -> None:
    assert code_on(by_id[person], dt.date.fromisoformat(day)) == code


def test_seed_people_have_their_names(entries: list[dict]) -> None:
    """The names the seed article and the brief use must find the person, in both languages."""
    index = {(lang, p.casefold()): e["id"] for e in entries for lang in ("en", "id") for p in _phrases(e, lang)}
    expected = {
        "Vladimir Putin": "VLADIMIR_PUTIN", "Putin": "VLADIMIR_PUTIN",
        "Min Aung Hlaing": "MIN_AUNG_HLAING", "Sergei Shoigu": "SERGEI_SHOIGU",
        "Sergey Shoygu": "SERGEI_SHOIGU", "Aung San Suu Kyi": "AUNG_SAN_SUU_KYI",
        "Zelensky": "VOLODYMYR_ZELENSKY", "Zelenskyy": "VOLODYMYR_ZELENSKY", "Xi Jinping": "XI_JINPING",
    }
    for lang in ("en", "id"):
        for phrase, person in expected.items():
            assert index.get((lang, phrase.casefold())) == person, f"{lang}: {phrase!r}"


@pytest.fixture(scope="module")
def project_dictionaries():
    """The packaged dictionaries as the real loader builds them (it raises on any clash or bad date)."""
    from coder.dictionaries import load_dictionaries

    return load_dictionaries(ACTORS_DIR.parent)


@pytest.mark.parametrize("lang", ["en", "id"])
def test_project_loader_accepts_the_file_and_resolves_people(project_dictionaries, lang: str) -> None:
    """The real loader (with every actors/*.yaml) must accept the names and give the dated codes."""
    from coder.languages import get_language

    language = get_language(lang)
    trie = project_dictionaries.actors[lang]

    def lookup(phrase: str):
        return trie.get(tuple(language.actor_key(w) for w in language.tokenize_phrase(phrase)))

    putin, mah = lookup("Vladimir Putin"), lookup("Min Aung Hlaing")
    assert putin is not None and mah is not None
    assert putin.code_on("2010-06-01") == "RUSGOV"
    assert mah.code_on("2020-01-01") == "MMRMIL"
    assert mah.code_on("2025-03-03") == "MMRGOV"
    assert lookup("Zelenskyy").code_on("2025-03-03") == "UKRGOV"
