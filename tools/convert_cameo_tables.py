"""One-off conversion of the CAMEO reference tables into dictionaries/cameo/*.yaml.

Run from the repo root with the reference folder as argument:
    python tools/convert_cameo_tables.py ../shared/reference/cameo
The tables are open data distributed with the CAMEO codebook (Parus Analytics / Open Event Data Alliance).
"""

from __future__ import annotations

import csv
import re
import sys
from pathlib import Path

HEADER = """# {what}
# Converted from {source} (CAMEO reference tables, open data distributed with the CAMEO codebook,
# Parus Analytics / Open Event Data Alliance, MIT licence) by tools/convert_cameo_tables.py.
"""


# Country codes of the Phoenix actor dictionaries (dictionaries/actors/phoenix_countries.yaml) missing from
# CAMEO.country.txt; without them a story about Colombia or Kosovo has no country to give its unnamed actors.
MISSING_COUNTRIES = {
    "COL": "Colombia", "CSK": "Czechoslovakia", "DDR": "East Germany", "GGY": "Guernsey", "HKG": "Hong Kong",
    "KSV": "Kosovo", "MNE": "Montenegro", "ROU": "Romania", "SCG": "Serbia and Montenegro", "SSD": "South Sudan",
    "SUN": "Soviet Union",
}

# One line of CAMEO.eventcodes.txt holds two records: "1056<TAB>...engagement106:[-5.0] Demand withdrawal".
GLUED_RECORD = re.compile(r"^(?P<name>.*?)(?P<code>\d{3,4}):\[(?P<score>[-\d.]+)\]\s*(?P<next>.+)$")


def read_table(path: Path, embedded_scores: dict[str, str] | None = None) -> list[tuple[str, str]]:
    """Rows of a two-column table; Goldstein scores found glued into names go to `embedded_scores`."""
    with path.open(encoding="utf-8") as handle:
        rows = list(csv.reader(handle, delimiter="\t"))
    table = []
    for row in rows[1:]:
        if not row or not row[0].strip():
            continue
        code, name = row[0].strip(), row[1].strip()
        glued = GLUED_RECORD.match(name)
        if glued:
            table.append((code, glued["name"].strip()))
            code, name = glued["code"], glued["next"].strip()
            if embedded_scores is not None:
                embedded_scores[code] = glued["score"]
        table.append((code, name))
    return table


def quote(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def main(reference: Path, out: Path) -> None:
    embedded_scores: dict[str, str] = {}
    names = dict(read_table(reference / "CAMEO.eventcodes.txt", embedded_scores))
    goldstein = embedded_scores | dict(read_table(reference / "CAMEO.goldsteinscale.txt"))
    lines = [HEADER.format(what="CAMEO event codes: name and Goldstein score.",
                           source="CAMEO.eventcodes.txt and CAMEO.goldsteinscale.txt"), "event_codes:"]
    for code, name in names.items():
        lines.append(f"  {quote(code)}: {{name: {quote(name)}, goldstein: {goldstein[code]}}}")
    # The source misspells one name through a broken encoding ("ÒhirdÓlocation").
    lines = [line.replace("ÒhirdÓlocation", "third location") for line in lines]
    (out / "event_codes.yaml").write_text("\n".join(lines) + "\n", encoding="utf-8")

    for table, key, what in (("CAMEO.type.txt", "sectors", "CAMEO actor type (sector) codes."),
                             ("CAMEO.country.txt", "countries", "CAMEO country and region codes.")):
        rows = read_table(reference / table)
        lines = [HEADER.format(what=what, source=table), f"{key}:"]
        seen = set()
        for code, label in rows:
            if code not in seen:
                seen.add(code)
                lines.append(f"  {code}: {quote(label)}")
        if key == "countries":
            lines.append("  # Codes the Phoenix actor dictionaries use that CAMEO.country.txt lacks.")
            lines.extend(f"  {code}: {quote(label)}" for code, label in MISSING_COUNTRIES.items() if code not in seen)
        (out / f"{key}.yaml").write_text("\n".join(lines) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main(Path(sys.argv[1]), Path(__file__).resolve().parent.parent / "dictionaries" / "cameo")
