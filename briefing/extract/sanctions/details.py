"""What a sentence says about a measure besides its kind: the figures it states (amounts,
percentages, dates) and the words of its status. Cue words: ``figures`` of the taxonomy
(``lexicons/measures.yaml``: symbols and codes) and of each pack
(``lang/<code>/measures.yaml``: percent, million, billion, currency words)."""

from __future__ import annotations

import re
from functools import cache
from typing import Any

from briefing import langpacks
from briefing.data import load_yaml
from briefing.extract.context import ArticleContext
from briefing.extract.dates_publication import scan_text
from briefing.models import Sentence
from briefing.nlp.dates import resolve
from briefing.nlp.normalize import normalize

_NUMBER = r"\d{1,3}(?:[ ,.'\u00a0\u202f]\d{3})+(?:[.,]\d+)?|\d+(?:[.,]\d+)?"
_SCALES = {"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12}


def _alt(words: list[str]) -> str:
    forms = sorted({normalize(str(w)) for w in words if str(w).strip()}, key=len, reverse=True)
    parts = []
    for w in forms:
        star = w.endswith("*")
        body = re.escape(w.rstrip("*")).replace(r"\ ", r"\s+")
        tail = r"\w*" if star else ""
        # A symbol needs no word boundary ("$", "%"); a word does ("m" of "5 m", not "5 mi").
        edge = r"(?!\w)" if body[-1:].isalnum() or star else ""
        parts.append(f"{body}{tail}{edge}")
    return "|".join(parts) if parts else r"(?!)"


@cache
def _figure_words(lang: str) -> tuple[re.Pattern[str], re.Pattern[str], dict[str, str]]:
    """(percentage, amount, unit of each currency word) of ``lang``."""
    shared = (load_yaml("lexicons/measures.yaml") or {}).get("figures") or {}
    own = (langpacks.section("measures").get(lang) or {}).get("figures") or {}
    unit_of: dict[str, str] = {}
    for table in (shared.get("currency") or {}, own.get("currency") or {}):
        for code, words in table.items():
            for w in words or ():
                unit_of[normalize(str(w)).rstrip("*")] = str(code)
    percent = _alt([*(shared.get("percent") or ["%"]), *(own.get("percent") or ())])
    scales = {k: _alt(own.get(k) or ()) for k in _SCALES}
    scale = "|".join(f"(?P<{k}>{rx})" for k, rx in scales.items() if rx != r"(?!)")
    money = _alt(
        [
            w
            for t in (shared.get("currency") or {}, own.get("currency") or {})
            for ws in t.values()
            for w in ws or ()
        ]
    )
    before = _alt([*(own.get("percent_before") or ())])  # "yüzde 20", "%20"
    connect = _alt([*(own.get("connectors") or ())])  # "300 milliards d'euros"
    pct = re.compile(
        rf"(?<![\w.,])(?P<n>{_NUMBER})\s?(?:{percent})"
        rf"|(?<!\w)(?:{before})\s?(?P<n2>{_NUMBER})(?![\d])"
    )
    scale_part = rf"(?:\s?(?:{scale}))?" if scale else ""
    amount = re.compile(
        rf"(?:(?P<pre>{money})\s?)?(?<![\w.,])(?P<n>{_NUMBER}){scale_part}"
        rf"(?:\s?(?:{connect})?\s?(?P<post>{money}))?"
    )
    return pct, amount, unit_of


def _number(text: str) -> float | None:
    """ "1,200.5", "1.200,5", "1 200", "2,5": the value, the last separator decimal unless
    three digits follow it in a number with no other separator kind."""
    t = re.sub(r"[ '\u00a0\u202f]", "", text)
    seps = [c for c in t if c in ",."]
    if not seps:
        return float(t)
    last = max(t.rfind(","), t.rfind("."))
    if len(set(seps)) == 1 and (len(seps) > 1 or len(t) - last - 1 == 3):
        return float(t.replace(seps[0], ""))  # thousands only: "1,200", "1.000.000"
    whole = re.sub(r"[,.]", "", t[:last])
    try:
        return float(f"{whole}.{t[last + 1 :]}")
    except ValueError:
        return None


def _unit(unit_of: dict[str, str], word: str | None) -> str | None:
    if not word:
        return None
    w = word.strip()
    if w in unit_of:
        return unit_of[w]
    return next(
        (code for form, code in unit_of.items() if w.startswith(form) and len(form) > 2), None
    )


_CLAUSE = re.compile(r"[,;:()«»“”\"،؛]")


def figures(ctx: ArticleContext, s: Sentence, at: int) -> list[dict[str, Any]]:
    """Amounts (with a currency) and percentages that ``s`` states, and the dates of the
    clause of the measure cue at ``at`` (a date elsewhere in the sentence dates something
    else: "Cramer, who visited Kyiv this week, said the bill would cut … SWIFT")."""
    pct, amount, unit_of = _figure_words(ctx.lang)
    norm, text = ctx.norm, ctx.article.text
    out: list[dict[str, Any]] = []
    taken: list[tuple[int, int]] = []
    for m in pct.finditer(norm, s.start, s.end):
        value = _number(m.group("n") or m.group("n2"))
        if value is not None:
            out.append({"type": "percentage", "text": text[m.start() : m.end()], "value": value})
            taken.append(m.span())
    for m in amount.finditer(norm, s.start, s.end):
        unit = _unit(unit_of, m.group("pre")) or _unit(unit_of, m.group("post"))
        if unit is None or any(a < m.end() and m.start() < b for a, b in taken):
            continue
        value = _number(m.group("n"))
        if value is None:
            continue
        for name, factor in _SCALES.items():
            if m.groupdict().get(name):
                value *= factor
        span = text[m.start() : m.end()].strip()
        out.append({"type": "amount", "text": span, "value": value, "unit": unit})
    pub = ctx.article.published
    for f in scan_text(text, ctx.lang, norm, ctx.sentences):
        if f.sentence.index != s.index:
            continue
        lo, hi = sorted((at, f.mention.start))
        if _CLAUSE.search(norm, lo, hi):
            continue
        r = resolve(f.mention, pub, ctx.as_of, f.tense)
        if r is not None and not f.mention.since:
            item = {"type": "date", "text": text[f.mention.start : f.mention.end], "value": r.date}
            if r.date_end:
                item["end"] = r.date_end
            out.append(item)
    return out
