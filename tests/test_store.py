"""The state store on a real SQLite file: duplicates, findings cache, digests, the lock."""

from __future__ import annotations

import datetime as dt

import pytest

from briefing import dedup
from briefing.models import Article, ArticleFindings, Citation, Position
from briefing.store import Store, StoreError, extractor_version, findings_key
from tests.conftest import FIXTURES

DE = (FIXTURES / "digest" / "de_gipfel.txt").read_text(encoding="utf-8")
FR = (FIXTURES / "digest" / "fr_sanctions.txt").read_text(encoding="utf-8")
ES = (FIXTURES / "digest" / "es_cumbre.txt").read_text(encoding="utf-8")
RU = (
    "Министр иностранных дел России Сергей Лавров заявил в среду, что Москва не примет "
    "размещение войск НАТО на Украине. По его словам, новые санкции Европейского союза "
    "не изменят позицию Кремля. Встреча министров ОБСЕ пройдёт 4 декабря в Вене, "
    "где Лавров намерен выступить с речью о европейской безопасности."
)
AR = (
    "أعلن وزير الخارجية المصري أن القاهرة تدعم وقف إطلاق النار في غزة، وأن المفاوضات "
    "ستستأنف الأسبوع المقبل في الدوحة بمشاركة الولايات المتحدة وقطر. وقال إن الاتحاد "
    "الأوروبي مطالب بدور أكبر في إعادة الإعمار."
)


def art(aid: str, text: str, **kw) -> Article:
    return Article(id=aid, text=text, **kw)


@pytest.fixture
def store(tmp_path):
    with Store(f"sqlite:///{tmp_path / 'state.db'}") as s:
        yield s


def rewrite(text: str) -> str:
    """The same wire story as another outlet runs it: new headline, a line added."""
    lines = text.splitlines()
    lines[0] = "Ukraine-Hilfe: NATO-Minister treffen sich in Brüssel"
    return "\n".join(lines) + "\n\nMit Material von Nachrichtenagenturen.\n"


def test_near_duplicate_similarity_separates_rewrites_from_other_stories():
    assert dedup.similarity(dedup.signature(DE), dedup.signature(rewrite(DE))) >= 0.65
    for other in (FR, ES, RU, AR):
        assert dedup.similarity(dedup.signature(DE), dedup.signature(other)) < 0.2
    ru_edit = RU.replace("в среду", "во вторник")
    assert dedup.similarity(dedup.signature(RU), dedup.signature(ru_edit)) >= 0.65


def test_content_hash_ignores_layout_and_case_only():
    assert dedup.content_hash(DE) == dedup.content_hash("  " + DE.upper().replace("\n", "\r\n"))
    assert dedup.content_hash(DE) != dedup.content_hash(DE.replace("Mittwoch", "Donnerstag"))


def test_add_recognises_seen_exact_and_near_duplicates(store):
    assert store.add(art("de", DE), "/in/de.txt", "inbox").kind == "new"
    assert store.add(art("de", DE), "/in/de.txt", "inbox").kind == "seen"
    exact = store.add(art("de-copy", DE + "\n"), "https://x.example/de", "feed")
    assert (exact.kind, exact.duplicate_of) == ("duplicate", "de")
    near = store.add(art("de2", rewrite(DE)), "https://y.example/de", "feed")
    assert (near.kind, near.duplicate_of) == ("near-duplicate", "de")
    assert store.add(art("fr", FR), "/in/fr.txt", "inbox").kind == "new"
    assert store.add(art("ar", AR), "/in/ar.txt", "inbox").kind == "new"
    # The duplicates are stored (so the next run skips them fast) but never briefed.
    assert [a.id for a in store.undelivered()] == ["de", "fr", "ar"]
    assert store.counts() == {"articles": 5, "duplicates": 2}
    # A second run sees the near-duplicate as already known: no new lookups, no new rows.
    assert store.add(art("de2", rewrite(DE)), "https://y.example/de", "feed").kind == "seen"


def teaser(text: str) -> str:
    """What a feed carries: the headline and the first paragraphs, about half the text."""
    return "\n\n".join(text.split("\n\n")[:2])


def test_a_summary_is_contained_in_its_article_whichever_comes_first(store):
    short, full = teaser(DE), DE
    sim = dedup.similarity(dedup.signature(short), dedup.signature(full))
    assert sim < dedup.NEAR_DUPLICATE  # not a near-duplicate by Jaccard similarity alone
    # The article first: the summary is a copy of part of it.
    store.add(art("full", full), "/a/full", "a")
    added = store.add(art("sum", short), "https://feed.example/1", "feed")
    assert (added.kind, added.duplicate_of) == ("near-duplicate", "full")
    assert [a.id for a in store.undelivered()] == ["full"]


def test_a_fuller_version_replaces_an_undelivered_summary(store):
    store.add(art("sum", teaser(DE)), "https://feed.example/1", "feed")
    store.add(art("near", rewrite(teaser(DE)) + "\n"), "https://other.example/1", "feed")
    added = store.add(art("full", DE), "https://site.example/full", "web")
    assert (added.kind, added.supersedes) == ("new", "sum")
    assert [a.id for a in store.undelivered()] == ["full"]
    # Later copies of the summary are recognised against the full text.
    again = store.add(art("sum2", teaser(DE) + " "), "https://mirror.example/1", "feed")
    assert again.kind in {"duplicate", "near-duplicate"}
    assert [a.id for a in store.undelivered()] == ["full"]


def test_a_fuller_version_of_a_delivered_summary_is_news(store):
    store.add(art("sum", teaser(FR)), "https://feed.example/2", "feed")
    did = store.create_digest(
        date="2025-12-05",
        stem="s",
        subject="s",
        message_id=None,
        message=None,
        recipients=[],
        keys={},
        article_ids=["sum"],
    )
    store.set_status(did, "delivered")
    added = store.add(art("full", FR), "https://site.example/fr", "web")
    assert (added.kind, added.supersedes) == ("new", None)
    assert [a.id for a in store.undelivered()] == ["full"]


def test_changed_article_at_the_same_address_is_a_new_version(store):
    store.add(art("es", ES), "https://z.example/es", "feed")
    other = ES.split("\n\n")[0] + "\n\n" + RU
    added = store.add(art("es", other), "https://z.example/es", "feed")
    assert added.kind == "new" and added.article_id != "es"


def test_ids_stay_unique(store):
    a = store.add(art("note", DE), "/a/note.txt", "a")
    b = store.add(art("note", FR), "/b/note.txt", "b")
    assert a.article_id == "note" and b.article_id.startswith("note-") and b.article_id != "note"


def findings_of(article: Article) -> ArticleFindings:
    cite = Citation(article.id, 0, 10, article.text[:10])
    return ArticleFindings(
        article=article,
        actors={},
        positions=[Position("russia", "sanctions", "rejects them", [cite])],
    )


def test_findings_cache_round_trip_and_keys(store):
    day = dt.date(2025, 12, 5)
    a = art("fr", FR, language="fr", published=dt.date(2025, 12, 4), published_basis="metadata")
    store.add(a, "/in/fr.txt", "inbox")
    assert store.cached_findings(a, day) is None
    store.cache_findings(a, findings_of(a), day)
    got = store.cached_findings(a, day)
    assert got is not None and got.positions[0].stance == "rejects them"
    # A dated article does not depend on the brief's date; an undated one does.
    assert store.cached_findings(a, day + dt.timedelta(days=1)) is not None
    u = art("u", RU)
    assert findings_key(u, "h", day) != findings_key(u, "h", day + dt.timedelta(days=1))
    # Another language or date is another analysis.
    assert store.cached_findings(art("fr", FR, language="de"), day) is None
    assert len(extractor_version()) == 16


def test_digest_records_and_delivered_articles_leave_the_queue(store):
    store.add(art("de", DE), "/in/de.txt", "inbox")
    store.add(art("fr", FR), "/in/fr.txt", "inbox")
    did = store.create_digest(
        date="2025-12-05",
        stem="brief-2025-12-05",
        subject="s",
        message_id="<1@x>",
        message=b"m",
        recipients=["A@example.org", "b@example.org"],
        keys={"events": ["k"]},
        article_ids=["de", "fr"],
    )
    # Pending: its articles are still undelivered.
    assert [a.id for a in store.undelivered()] == ["de", "fr"]
    store.record_delivery(did, "a@example.org")
    d = store.get_digest(did)
    assert d.remaining == ["b@example.org"] and d.status == "pending"
    store.record_delivery(did, "b@example.org")
    store.set_status(did, "delivered")
    assert store.undelivered() == []
    assert store.last_delivered().keys == {"events": ["k"]}
    assert store.stems_in_use() == {"brief-2025-12-05"}


def test_lock_excludes_a_second_run_and_expires(store):
    with (
        store.lock("digest", dt.timedelta(hours=1)),
        pytest.raises(StoreError, match="in progress"),
        store.lock("digest", dt.timedelta(hours=1)),
    ):
        pass
    with store.lock("digest", dt.timedelta(hours=1)):
        pass
    # A holder that died leaves a lock that expires.
    with (
        store.lock("digest", dt.timedelta(seconds=-1)),
        store.lock("digest", dt.timedelta(hours=1)),
    ):
        pass


def test_lock_left_by_a_dead_process_on_this_machine_is_taken_over(store):
    import os
    import socket
    import subprocess
    import sys

    from briefing.store import LockRow

    gone = subprocess.Popen([sys.executable, "-c", "pass"])
    gone.wait()
    with store.session() as s:
        s.add(
            LockRow(
                name="digest",
                holder=f"{socket.gethostname()}:{gone.pid}",
                expires=dt.datetime.now(dt.UTC) + dt.timedelta(hours=1),
            )
        )
        s.commit()
    with store.lock("digest", dt.timedelta(hours=1)):
        pass
    # A live holder (this very process, seen as another run) is respected.
    with store.session() as s:
        s.add(
            LockRow(
                name="digest",
                holder=f"{socket.gethostname()}:{os.getpid()}",
                expires=dt.datetime.now(dt.UTC) + dt.timedelta(hours=1),
            )
        )
        s.commit()
    with (
        pytest.raises(StoreError, match="in progress"),
        store.lock("digest", dt.timedelta(hours=1)),
    ):
        pass


def test_database_from_an_older_schema_is_named_not_misused(tmp_path):
    import sqlite3

    db = tmp_path / "old.db"
    con = sqlite3.connect(db)
    con.execute("create table articles (pk integer primary key, article_id text)")
    con.commit()
    con.close()
    with pytest.raises(StoreError, match=r"table articles lacks .*older briefing"):
        Store(f"sqlite:///{db}")


def test_unreachable_database_is_one_line_error(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    with pytest.raises(StoreError, match="state database"):
        Store(f"sqlite:///{blocker / 'sub' / 'state.db'}")
