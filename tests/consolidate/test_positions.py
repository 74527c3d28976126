"""Merging positions and measures across sources and languages."""

from __future__ import annotations

from briefing.consolidate.positions import merge_positions
from briefing.consolidate.sanctions import merge_measures
from briefing.models import Citation, Measure, Position


def cite(source: str, text: str) -> Citation:
    return Citation(source, 0, len(text), text)


def test_same_stance_in_two_languages_is_one_position():
    pl = Position(
        "russia",
        "Security guarantees",
        "Demands legally binding security guarantees from the United States and NATO",
        [cite("pl", "Rosja domaga się gwarancji bezpieczeństwa.")],
        "demands",
        "security_guarantees",
        "legal_guarantees",
    )
    fa = Position(
        "russia",
        "Security guarantees",
        "Demands legally binding security guarantees from the United States and NATO, "
        "including no further NATO enlargement",
        [cite("fa", "روسیه خواستار تضمین های امنیتی شد."), cite("pl", pl.citations[0].sentence)],
        "demands",
        "security_guarantees",
        "legal_guarantees",
    )
    other = Position(
        "nato",
        "Security guarantees",
        "Rejects Russia's demands for security guarantees",
        [cite("de", "Die NATO lehnte ab.")],
        "rejects",
        "security_guarantees",
        "legal_guarantees",
    )
    merged = merge_positions([pl, other, fa])
    assert len(merged) == 2
    first = merged[0]
    assert first.actor == "russia"
    assert [c.source for c in first.citations] == ["pl", "fa"]
    assert first.stance.endswith("including no further NATO enlargement")


def test_measures_merge_by_key_and_target_and_unknown_targets_fold_in():
    a = Measure(
        "Personal sanctions on leaders and officials",
        "personal",
        [cite("en", "personal sanctions against Putin")],
        ["united-states"],
        "vladimir-putin",
        "if Russia invades Ukraine",
        "personal_sanctions",
    )
    b = Measure(
        "Personal sanctions on leaders and officials",
        "personal",
        [cite("fr", "des sanctions personnelles")],
        ["france"],
        None,
        None,
        "personal_sanctions",
    )
    c = Measure(
        "Cutting banks off from the SWIFT payment system",
        "financial",
        [cite("de", "SWIFT")],
        ["united-states"],
        "russia",
        None,
        "swift",
    )
    merged = merge_measures([a, b, c])
    assert [m.key for m in merged] == ["swift", "personal_sanctions"]
    personal = merged[1]
    assert personal.proposed_by == ["united-states", "france"]
    assert personal.target == "vladimir-putin"
    assert personal.condition == "if Russia invades Ukraine"
    assert len(personal.citations) == 2


def test_one_stance_outside_the_taxonomy_in_two_languages_is_one_position():
    def other(source: str, text: str, kind: str, objects: list[str], key: str) -> Position:
        return Position(
            "russia",
            "Other",
            f"{kind.capitalize()} (on Ukraine)",
            [cite(source, text)],
            kind,
            f"other:{key}",
            objects=objects,
        )

    nl = other("nl", "Rusland schort de graandeal met Oekraïne op.", "rejects", ["ukraine"], "a")
    cs = other("cs", "Rusko zastavilo dohody s Ukrajinou.", "rejects", ["ukraine"], "b")
    merged = merge_positions([nl, cs])
    assert len(merged) == 1 and {c.source for c in merged[0].citations} == {"nl", "cs"}
    # Another stance, another mood, other objects, or a bare report stay apart.
    said = other("de", "Russland sagte etwas über die Ukraine.", "says", ["ukraine"], "c")
    said2 = other("sv", "Ryssland sade något om Ukraina.", "says", ["ukraine"], "d")
    demand = other("pl", "Rosja żąda od Ukrainy gwarancji.", "demands", ["ukraine"], "e")
    turkey = other("tr", "Rusya Türkiye ile anlaşmayı askıya aldı.", "rejects", ["turkey"], "f")
    negated = other(
        "it", "La Russia non sospende l'accordo con l'Ucraina.", "rejects", ["ukraine"], "g"
    )
    negated.polarity = "negated"
    assert len(merge_positions([nl, said, said2, demand, turkey, negated])) == 6


def test_a_measure_folded_into_its_target_keeps_the_target_out_of_its_proposers():
    targeted = Measure(
        "Export controls and a technology embargo",
        "export-control",
        [cite("en", "a ban on technology exports to Russia")],
        ["united-states"],
        "russia",
        None,
        "export_controls",
    )
    loose = Measure(
        "Export controls and a technology embargo",
        "export-control",
        [cite("fr", "les exportations de composants fabriqués par la Russie")],
        ["russia", "united-states"],
        None,
        None,
        "export_controls",
    )
    (merged,) = merge_measures([targeted, loose])
    assert merged.target == "russia"
    assert merged.proposed_by == ["united-states"]
    assert len(merged.citations) == 2
