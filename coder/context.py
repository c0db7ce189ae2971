"""Story-level knowledge: which country an agent standing alone ("the junta", "warga sipil") belongs to."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable

from coder.analysis import ActorPhrase
from coder.events import UNKNOWN_ACTOR

MAJORITY = 2 / 3  # share of a sector's mentions one country needs before the sector is taken as its


def infer_countries(phrases: Iterable[ActorPhrase], countries: dict[str, str]) -> None:
    """Give agent-only phrases a country: the one the story attaches to that sector, else the story's
    only country. Phrases that get one are marked `inferred`."""
    phrases = list(phrases)
    by_sector: dict[str, Counter[str]] = defaultdict(Counter)
    story_countries: Counter[str] = Counter()
    for phrase in phrases:
        if not phrase.country_known:
            continue
        country = phrase.code[:3]
        if country in countries:
            story_countries[country] += 1
        for sector in _sectors(phrase.code[3:]):
            by_sector[sector][country] += 1
    for phrase in phrases:
        if phrase.country_known or not phrase.sectors:
            continue
        country = _sector_country(by_sector, phrase.sectors)
        if country is None and len(story_countries) == 1:
            country = next(iter(story_countries))
        if country is not None:
            phrase.code = country + phrase.sectors
            phrase.inferred = True


def _sectors(code: str) -> list[str]:
    return [code[i:i + 3] for i in range(0, len(code), 3)]


def _sector_country(by_sector: dict[str, Counter[str]], sectors: str) -> str | None:
    for sector in _sectors(sectors):
        counts = by_sector.get(sector)
        if not counts:
            continue
        country, count = counts.most_common(1)[0]
        if count / sum(counts.values()) >= MAJORITY and country != UNKNOWN_ACTOR:
            return country
    return None
