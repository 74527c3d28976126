"""A hostile batch of articles, generated (seeded): good articles among every kind of bad
input ingest and analysis must survive. Used by tests/test_hostile.py; also by hand:
``python3 -m tests.hostile_batch FOLDER``."""

from __future__ import annotations

import json
import random
import shutil
import sys
from dataclasses import dataclass, field
from pathlib import Path

from briefing.ingest.files import MAX_BYTES, MAX_TEXT_CHARS
from tests.conftest import FIXTURES, SEEDS

BIG_CHARS = 2_076_400  # the size spaCy refused ("E088 ... exceeds maximum of 1000000")

SERBIAN = (
    "Министар спољних послова Србије састао се у понедељак у Београду са високим "
    "представником Европске уније за спољну политику. Разговарали су о енергетској "
    "безбедности и о санкцијама против Русије.\n\n"
    "Министар је рекао да Србија остаје на европском путу и да ће преговори о "
    "приступању бити настављени следеће године.\n"
)
MALTESE = (
    "Il-Ministru għall-Affarijiet Barranin iltaqa’ mas-Segretarju Ġenerali tan-NATO "
    "Jens Stoltenberg nhar it-Tnejn fi Brussell.\n\n"
    "Huma ddiskutew is-sanzjonijiet kontra r-Russja u s-sigurtà fil-Mediterran.\n"
)
GEORGIAN = (
    "საქართველოს საგარეო საქმეთა მინისტრი 2023 წლის 12 მაისს ბრიუსელში შეხვდა NATO-ს "
    "გენერალურ მდივანს Jens Stoltenberg-ს.\n\n"
    "შეხვედრაზე განიხილეს რუსეთის წინააღმდეგ სანქციები და ევროკავშირის გაფართოება.\n"
)
THAI = (
    "รัฐมนตรีว่าการกระทรวงการต่างประเทศของไทยพบกับเลขาธิการสหประชาชาติ António Guterres "
    "ที่กรุงเทพฯ เมื่อวันที่ 12 พฤษภาคม 2023\n\n"
    "ทั้งสองฝ่ายหารือเรื่องการคว่ำบาตรรัสเซียและความมั่นคงในภูมิภาค\n"
)
ENGLISH = (
    "The foreign ministers of the Nordic states met in Oslo on Tuesday to discuss "
    "sanctions against Russia and support for Ukraine.\n\n"
    "Norway's foreign minister said the ministers agreed to meet again in March.\n"
)


@dataclass
class Batch:
    folder: Path
    good: dict[str, str] = field(default_factory=dict)  # source id -> language
    limited: set[str] = field(default_factory=set)  # source ids read in the limited mode
    bad: dict[str, str] = field(default_factory=dict)  # what stderr must name -> case


def good_articles(folder: Path, batch: Batch) -> None:
    for name in ("de_gipfel.txt", "fr_sanctions.txt"):
        shutil.copy(FIXTURES / "digest" / name, folder / name)
    batch.good.update({"de_gipfel": "de", "fr_sanctions": "fr"})
    shutil.copy(SEEDS / "004_99afa6acf7abe6a5.txt", folder / "en_seed.txt")
    batch.good["en_seed"] = "en"
    # Once fatal: simplemma has no 'sr' (it has 'hbs').
    (folder / "sr_meta.txt").write_text(SERBIAN, encoding="utf-8")
    batch.good["sr_meta"] = "sr"
    # A registry language without a lemmatiser.
    (folder / "mt_meta.txt").write_text(MALTESE, encoding="utf-8")
    batch.good["mt_meta"] = "mt"
    # Languages outside the registry, no metadata: read in the limited mode.
    (folder / "georgian.txt").write_text(GEORGIAN, encoding="utf-8")
    (folder / "thai.txt").write_text(THAI, encoding="utf-8")
    batch.good.update({"georgian": "ka", "thai": "th"})
    batch.limited |= {"georgian", "thai"}
    # 2 MB: spaCy refuses more than 1,000,000 characters in one doc.
    seed = (SEEDS / "000_c526780a44c02b1b.txt").read_text(encoding="utf-8")
    reps = BIG_CHARS // (len(seed) + 2) + 1
    (folder / "big.txt").write_text(("\n\n".join([seed] * reps))[:BIG_CHARS], encoding="utf-8")
    batch.good["big"] = "pl"


def hostile_files(folder: Path, batch: Batch, rng: random.Random) -> None:
    """Only bad input: files skipped whole."""
    (folder / "random.txt").write_bytes(rng.randbytes(64 * 1024))
    (folder / "random.json").write_bytes(rng.randbytes(16 * 1024))
    (folder / "empty_lines.txt").write_bytes(b"\n" * 1_000_000)
    (folder / "huge.txt").write_text("word " * (MAX_TEXT_CHARS // 5 + 1000), encoding="utf-8")
    (folder / "wrong_types.json").write_text(json.dumps({"text": 42, "title": ["x"]}))
    lines = [b'{"text": "broken', b"\x00\x01\x02 not json", b'["a", "list"]']
    (folder / "broken.jsonl").write_bytes(b"\n".join(lines) + b"\n")
    batch.bad.update(
        {
            "random.txt": "random bytes",
            "random.json": "random bytes as JSON",
            "empty_lines.txt": "a million empty lines",
            "huge.txt": "over the hard cap",
            "wrong_types.json": "wrong types",
            "broken.jsonl: line 1": "broken JSON line",
            "broken.jsonl: line 2": "NUL bytes in a JSON line",
            "broken.jsonl: line 3": "a record that is not an object",
        }
    )


def _fixture(name: str) -> str:
    return (FIXTURES / "analysis" / "articles" / name).read_text(encoding="utf-8")


def damaged_but_readable(folder: Path, batch: Batch, rng: random.Random) -> None:
    """Bad input with good parts: reported, the rest read."""
    it = _fixture("it_ukraine.txt")
    cut = it.index(" ", len(it) // 2)
    (folder / "nul.txt").write_bytes((it[:cut] + "\x00\x00" + it[cut + 2 :]).encode())
    batch.good["nul"] = "it"
    mixed = _fixture("de_ukraine.txt").encode()
    mixed += "\nDie Außenminister äußerten sich später in Brüssel.\n".encode("cp1252")
    (folder / "mixed.txt").write_bytes(mixed)
    batch.good["mixed"] = "de"
    body = "<p>" + _fixture("fr_ukraine.txt").replace("\n\n", "</p><p>") + "</p>"
    nested = "<html><body>" + "<div>" * 50_000 + body + "</div>" * 50_000 + "</body></html>"
    (folder / "nested.html").write_text(nested, encoding="utf-8")
    batch.good["nested"] = "fr"
    (folder / "bad_lang.txt").write_text(_fixture("ru_ukraine.txt"), encoding="utf-8")
    batch.good["bad_lang"] = "ru"
    (folder / "not_a_date.json").write_text(
        json.dumps({"text": _fixture("ar_ukraine.txt"), "published": "not a date"})
    )
    batch.good["not_a_date"] = "ar"
    es = (FIXTURES / "digest" / "es_cumbre.txt").read_text(encoding="utf-8")
    good = {"id": "es-cumbre", "text": es, "language": "es", "published": "2025-12-05"}
    late = {"id": "late", "text": ENGLISH, "language": "en"}
    bad_date = {"id": "bad-date", "text": _fixture("es_ukraine.txt"), "published": "not a date"}
    rows: list[bytes] = [
        json.dumps(good).encode(),  # line 1
        json.dumps(bad_date).encode(),  # 2
        b'{"id": "cut", "text": "Half a rec',  # 3: broken JSON
        json.dumps({"id": "types", "text": ["a", "list"], "published": {}}).encode(),  # 4
        b'{"id": "nul", "text": "raw \x00 NUL"}',  # 5
        b'{"id": "huge", "text": "' + b"x" * (MAX_BYTES + 10) + b'"}',  # 6: enormous line
        rng.randbytes(300).replace(b"\n", b" "),  # 7: random bytes
    ]
    rows += [b""] * 1_000_000  # lines 8 .. 1,000,007: a million empty lines
    rows.append(
        json.dumps({**late, "id": "cp1252", "text": "Tromsø talks."}, ensure_ascii=False).encode(
            "cp1252"
        )
    )  # line 1,000,008: another encoding
    rows.append(json.dumps(late).encode())  # 1,000,009: still read
    (folder / "records.jsonl").write_bytes(b"\n".join(rows) + b"\n")
    batch.good.update({"es-cumbre": "es", "bad-date": "es", "late": "en"})
    batch.bad.update(
        {
            "records.jsonl: line 2": "unparseable date",
            "records.jsonl: line 3": "broken JSON line",
            "records.jsonl: line 4": "wrong types",
            "records.jsonl: line 5": "NUL byte in a JSON line",
            "records.jsonl: line 6": "one enormous line",
            "records.jsonl: line 7": "random bytes",
            "records.jsonl: line 1000008": "mixed encodings",
            "nul.txt": "NUL bytes",
            "mixed.txt": "mixed encodings",
            "nested.html": "deeply nested HTML",
            "bad_lang.txt": "malformed language code",
            "not_a_date.json": "unparseable date",
            "georgian.txt": "language outside the registry",
            "thai.txt": "language outside the registry",
        }
    )


METADATA = """de_gipfel.txt: {language: de, published: 2025-12-03, outlet: Tagesblatt}
fr_sanctions.txt: {language: fr, published: 2025-12-04, outlet: Le Quotidien}
en_seed.txt: {language: en}
sr_meta.txt: {language: sr}
mt_meta.txt: {language: mt}
big.txt: {language: pl}
bad_lang.txt: {language: "klingon!!"}
"""


def make_batch(folder: Path, seed: int = 17, *, good: bool = True) -> Batch:
    """Every hostile case (and, with ``good``, good articles among them) in ``folder``."""
    folder.mkdir(parents=True, exist_ok=True)
    rng = random.Random(seed)
    batch = Batch(folder)
    hostile_files(folder, batch, rng)
    if good:
        good_articles(folder, batch)
        damaged_but_readable(folder, batch, rng)
        (folder / "metadata.yaml").write_text(METADATA, encoding="utf-8")
    return batch


if __name__ == "__main__":
    made = make_batch(Path(sys.argv[1]))
    print(f"{len(made.good)} good articles, {len(made.bad)} bad cases in {made.folder}")
