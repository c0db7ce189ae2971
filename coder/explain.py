"""Readable account of how a text was coded, for people who edit the dictionaries."""

from __future__ import annotations

from coder.coder import CodedDocument, CodedSentence

SHOWN_MARKS = ("negation", "future", "attribution", "passive_agent", "clause_breaks")


def explain_sentence(sentence: CodedSentence, parser_at_hand: bool = False) -> list[str]:
    analysis = sentence.analysis
    lines = [f"sentence {analysis.index}: {analysis.text}"]
    if parser_at_hand and not analysis.parsed:
        lines.append("  not parsed: it cannot give an event (fewer than two actors, or no verb of the dictionaries)")
    if analysis.discarded:
        lines.append(f"  discarded: contains '{analysis.discarded}'")
    for phrase in analysis.phrases:
        flags = [flag for flag, on in (("inferred country", phrase.inferred), ("speaker", phrase.speaker)) if on]
        extra = f" [{', '.join(flags)}]" if flags else ""
        lines.append(f"  actor   '{phrase.text}' -> {phrase.code}{extra}  <- {phrase.origin}")
    for name in SHOWN_MARKS:
        for mark in analysis.marks.get(name, ()):
            lines.append(f"  {name:<8}'{mark.value}' at word {mark.start}")
    for decision in sentence.decisions:
        trigger = decision.trigger
        words = " ".join(analysis.texts[trigger.start:trigger.end])
        hit = decision.hit
        pattern = (f"pattern '{hit.pattern.text}' ({hit.pattern.origin})" if hit and hit.pattern
                   else f"default code ({trigger.verb.origin})")
        lines.append(f"  verb    '{words}' = '{trigger.verb.trigger}' -> {decision.code or '-'} by {pattern}")
        state = [decision.method, decision.voice]
        state += [flag for flag, on in (("negated", decision.negated), ("future", decision.future),
                                        ("speech", decision.speech)) if on]
        sources = ", ".join(f"{p.text} ({p.code})" for p in decision.sources) or "-"
        targets = ", ".join(f"{p.text} ({p.code})" for p in decision.targets) or "-"
        lines.append(f"          {' '.join(state)}; source: {sources}; target: {targets}")
        if decision.dropped:
            lines.append(f"          no event: {decision.dropped}")
    for event in sentence.events:
        intent = " (intent)" if event.intent else ""
        lines.append(f"  EVENT   {event.source} -{event.code}{intent}-> {event.target}   [{event.pattern}]")
    return lines


def explain(coded: CodedDocument) -> str:
    mode = "dependency parse" if coded.parsed else "rule-based (no parser)"
    lines = [f"document {coded.document.id}: language {coded.lang}, date {coded.date}, {mode}"]
    if coded.discarded:
        lines.append(f"story discarded: contains '{coded.discarded}'")
    for sentence in coded.sentences:
        lines.extend(explain_sentence(sentence, coded.parsed))
    lines.append(f"{len(coded.events)} event(s)")
    return "\n".join(lines)
