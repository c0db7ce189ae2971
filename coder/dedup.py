"""One-a-day de-duplication: news repeats an event across stories; analysts count it once per day.

Events are collapsed per (date, source, target, code). The kept row is the first of its group (input order);
`mentions` says how many events it stands for, `stories` how many distinct documents reported it and
`doc_ids` which (";"-joined, sorted), so that later aggregation can still count distinct stories exactly.
Undated events cannot be matched across days, so they are only collapsed within their own document.
"""

from __future__ import annotations

import pandas as pd

from coder.network import EventsLike, doc_id_sets, load_events

DEDUP_KEY = ("date", "source", "target", "code")


def one_a_day(events: EventsLike) -> pd.DataFrame:
    """Collapse repeated (date, source, target, code) events; add `mentions` and `stories` columns.

    Already de-duplicated input (with a `mentions` column) collapses again correctly: mentions add up.
    """
    frame = load_events(events)
    if frame.empty:
        return frame.assign(mentions=pd.Series(dtype="int64"), stories=pd.Series(dtype="int64"),
                            doc_ids=pd.Series(dtype=object))
    weights = frame["mentions"] if "mentions" in frame.columns else pd.Series(1, index=frame.index)
    documents = doc_id_sets(frame)
    # Undated events group by document instead of by day.
    day = frame["date"].where(frame["date"].notna(), "undated:" + frame["doc_id"].astype(str))
    keys = pd.DataFrame({"day": day, "source": frame["source"], "target": frame["target"],
                         "code": frame["code"]})
    group = keys.groupby(list(keys.columns), sort=False).ngroup()
    first = ~group.duplicated()
    mentions = weights.groupby(group).sum()
    merged = {key: sorted(set().union(*sets) - {""}) for key, sets in documents.groupby(group)}
    result = frame[first].copy()
    result["mentions"] = mentions.loc[group[first]].to_numpy().astype("int64")
    kept = [merged[key] for key in group[first]]
    result["doc_ids"] = pd.Series([";".join(ids) for ids in kept], index=result.index, dtype=object)
    result["stories"] = pd.Series([len(ids) for ids in kept], index=result.index, dtype="int64")
    return result.reset_index(drop=True)
