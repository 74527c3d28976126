import datetime as dt

from briefing.models import Citation, Disagreement, Event, Position, Side
from briefing.render.view import (
    SURFACE_FORMS,
    brief_view,
    display_date,
    display_range,
    is_rtl,
    language_name,
    language_tag,
    safe_link,
)
from tests.render.sample import sample_brief


def _all_marks(view):
    """Every mark in the order the view was built: the overview, then the sections."""
    out = []
    o = view.overview
    for row in o.upcoming:
        out += row.marks.numbers
    for d in o.disagreements:
        for s in d.sides:
            out += s.marks.numbers
    for row in o.measures:
        out += row.marks.numbers
    for lead in o.actors:
        out += (lead.position.marks if lead.position else lead.marks).numbers
    for row in view.actors:
        out += row.marks.numbers
    for row in view.calendar:
        out += row.marks.numbers
    for group in view.positions + view.sanctions_options:
        for row in group.items:
            out += row.marks.numbers
    for d in view.disagreements:
        for s in d.sides:
            out += s.marks.numbers
    return out


def test_citations_numbered_in_reading_order_once_per_sentence():
    view = brief_view(sample_brief())
    numbers = [c.number for c in view.cited]
    assert numbers == list(range(1, len(numbers) + 1))
    # Each new number appears first in page order: 1, 2, 3... never jumping ahead.
    seen = []
    for n in _all_marks(view):
        if n not in seen:
            assert n == len(seen) + 1
            seen.append(n)
    assert sorted(seen) == numbers
    keys = {(c.citation.source, c.citation.start, c.citation.end) for c in view.cited}
    assert len(keys) == len(view.cited)


def test_every_cited_sentence_is_verbatim_with_its_source():
    brief = sample_brief()
    texts = {a.id: a.text for a in brief.sources}
    view = brief_view(brief)
    for c in view.cited:
        assert texts[c.source.id][c.citation.start : c.citation.end] == c.citation.sentence
        assert c.lang == c.source.language


def test_direction_follows_language():
    view = brief_view(sample_brief())
    by_lang = {c.lang: c.rtl for c in view.cited}
    assert by_lang["fa"] and by_lang["ar"]
    assert not (by_lang["en"] or by_lang["ru"] or by_lang["de"])


def test_rtl_by_script_when_language_unknown():
    assert is_rtl(None, "قال وزير الخارجية")
    assert not is_rtl(None, "Berlin said")
    assert is_rtl("he")
    assert not is_rtl("uk", "قال")


def test_positions_grouped_by_actor_in_salience_order():
    brief = sample_brief()
    view = brief_view(brief)
    rank = [a.name for a in brief.actors]
    headings = [g.heading for g in view.positions]
    assert headings == sorted(headings, key=rank.index)
    assert sum(len(g.items) for g in view.positions) == len(brief.positions)


def test_measures_grouped_by_category_in_taxonomy_order():
    brief = sample_brief()
    brief.sanctions_options.append(
        type(brief.sanctions_options[0])(
            "Asset freeze", "financial", [brief.actors[0].citations[0]]
        )
    )
    brief.sanctions_options.append(
        type(brief.sanctions_options[0])("Odd", "novel-kind", [brief.actors[0].citations[0]])
    )
    view = brief_view(brief)
    assert [g.key for g in view.sanctions_options] == ["financial", "force-posture", "novel-kind"]
    assert [g.heading for g in view.sanctions_options][:2] == ["Financial", "Force posture"]
    assert len(view.sanctions_options[0].items) == 2


def test_as_of_line_falls_between_earlier_and_later_starts():
    brief = sample_brief()
    view = brief_view(brief)
    assert view.as_of_index == 1  # 7 Jan | as of 8 Jan | 10 Jan, Mar 2022
    assert view.upcoming_count == 2
    # An upcoming event that began before as_of (ongoing) stays above the line.
    cites = brief.calendar[0].citations
    brief.calendar.insert(
        1, Event("2022-01", "Military move", "upcoming", cites, date_end="2022-04")
    )
    assert brief_view(brief).as_of_index == 2
    brief.as_of = dt.date(2022, 4, 1)
    assert brief_view(brief).as_of_index == 4


def test_date_ranges_written_compactly():
    assert display_range("2022-01-26", "2022-02-15") == ("26 Jan", "15 Feb 2022")
    assert display_range("2022-01-10", "2022-01-12") == ("10", "12 Jan 2022")
    assert display_range("2021-12-30", "2022-01-02") == ("30 Dec 2021", "2 Jan 2022")
    assert display_range("2022-01", "2022-04") == ("Jan 2022", "Apr 2022")
    assert display_range("2022-01-10", None) == ("Mon 10 Jan 2022", None)
    assert display_range("2022-01-10", "2022-01-10") == ("Mon 10 Jan 2022", None)


def test_new_since_last_accepts_contract_dicts_and_numbers_first():
    brief = sample_brief()
    ev = brief.calendar[2]
    brief.new_since_last = {
        "events": [
            {
                "date": ev.date,
                "label": ev.label,
                "status": ev.status,
                "participants": [],
                "citations": [c.to_dict() for c in ev.citations],
            }
        ],
    }
    view = brief_view(brief)
    assert view.new_since_last is not None and not view.new_since_last.empty
    assert view.new_since_last.events[0].marks.numbers == [1]
    assert view.cited[0].citation == ev.citations[0]
    assert view.new_since_last.positions == []


def test_unknown_actor_id_shown_as_is():
    brief = sample_brief()
    cit = brief.calendar[0].citations
    brief.calendar[0] = Event("2022-01-07", "x", "past", cit, participants=["nato", "who-knows"])
    view = brief_view(brief)
    assert view.calendar[0].participants == ["NATO", "who-knows"]


def test_helpers():
    assert display_date("2022-01-10") == "Mon 10 Jan 2022"
    assert display_date("2022-03") == "Mar 2022"
    assert display_date("2022") == "2022"
    assert display_date(dt.date(2021, 12, 31)) == "Fri 31 Dec 2021"
    assert language_name("fa") == "Persian"
    assert language_name("el") == "Modern Greek"
    assert language_name("xx") == "xx"
    assert language_name(None) == "unknown language"
    assert safe_link("https://example.org/a") == "https://example.org/a"
    assert safe_link("javascript:alert(1)") is None
    assert safe_link("file:///etc/passwd") is None
    assert safe_link("data:text/html,<script>") is None


def test_citation_to_unknown_source_still_rendered():
    brief = sample_brief()
    brief.positions[0].citations = [Citation("ghost", 0, 3, "abc")]
    view = brief_view(brief)
    ghost = [c for c in view.cited if c.citation.source == "ghost"]
    assert ghost and ghost[0].source.label == "ghost" and ghost[0].lang == "und"


def test_conflicting_reports_sides_named_by_their_sources():
    brief = sample_brief()
    fa_cite = brief.positions[0].citations
    ar_cite = brief.positions[3].citations
    brief.disagreements.append(
        Disagreement(
            "date of the Vienna talks",
            [Side([], "10 January", fa_cite), Side([], "11 January", ar_cite)],
            kind="conflicting-reports",
        )
    )
    row = brief_view(brief).disagreements[-1]
    assert [s.label for s in row.sides] == ["According to IRNA", "According to SPA"]
    assert row.kind == "conflicting-reports"


def test_language_attribute_is_a_well_formed_tag():
    assert language_tag("fa") == "fa"
    assert language_tag("pt_BR") == "pt-br"
    assert language_tag('"><script>') == "und"
    assert language_tag(None) == "und"
    brief = sample_brief()
    brief.sources[0].language = 'fa" onmouseover="alert(1)'
    cited = [c for c in brief_view(brief).cited if c.source.id == "irna-1"]
    # Unknown language: direction comes from the script (Persian is right to left).
    assert cited and all(c.lang == "und" and c.rtl for c in cited)


def test_actor_forms_ltr_first_and_capped():
    brief = sample_brief()
    iran = brief.actors[1]
    iran.surface_forms = ["ایران", "Iran", "Irán", "تهران", "Tehran", *[f"F{i}" for i in range(12)]]
    row = brief_view(brief).actors[1]
    assert row.surface_forms[:3] == ["Irán", "Tehran", "F0"]  # the name itself is not repeated
    assert len(row.surface_forms) == SURFACE_FORMS and row.rtl_forms == []
    assert row.more_forms == 16 - SURFACE_FORMS
    short = brief_view(sample_brief()).actors[1]
    assert short.surface_forms == [] and short.rtl_forms == ["ایران", "تهران"]
    assert short.more_forms == 0


def test_positions_of_one_actor_keep_topics_together():
    brief = sample_brief()
    cites = brief.positions[0].citations
    brief.positions += [
        Position("iran", "Vienna talks", "wants talks to resume", cites),
        Position("iran", "EU sanctions", "calls them illegal", cites),
    ]
    group = brief_view(brief).positions[0]
    assert [p.topic for p in group.items] == ["EU sanctions", "EU sanctions", "Vienna talks"]
    assert [p.stance for p in group.items][:2] == ["rejects new EU sanctions", "calls them illegal"]


def test_marks_of_one_point_ascend():
    brief = sample_brief()
    later = brief.calendar[2].citations + brief.calendar[0].citations
    brief.disagreements[0].sides[0].citations = later
    view = brief_view(brief)
    side = view.disagreements[0].sides[0]
    assert side.marks.numbers == sorted(side.marks.numbers) and len(side.marks.numbers) == 2
