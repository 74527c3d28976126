"""The sentence splitter's share of the per-article analysis (issue 16):
``python bench/sentences.py [N] [--repeat R] [--pysbd]``.

Builds the synthetic corpus of ``bench/run.py`` (N articles recombined from the samples'
paragraphs), then, in this one process with cyclic GC off and every language loaded
first, times (CPU) the whole per-article analysis (``analyze_chunk``: NLP and every
extractor) and ``split_sentences`` alone over the same texts. Prints one JSON line: the
milliseconds per article of each and the splitter's share (target: under 15 %). With
``--pysbd`` (pySBD installed), pySBD's segmenter over the same texts, for comparison.
Not a test: run by hand, report in bench/README.md.
"""

from __future__ import annotations

import argparse
import datetime as dt
import gc
import json
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))


def _best(fn, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.process_time()
        fn()
        times.append(time.process_time() - start)
    return min(times)


def main() -> None:
    from run import make_corpus

    from briefing.analyze import analyze_chunk
    from briefing.models import Article
    from briefing.nlp.sentences import split_sentences

    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("n", nargs="?", type=int, default=500)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--pysbd", action="store_true")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        texts = make_corpus(args.n, Path(tmp))
    as_of = dt.date(2022, 1, 20)

    def articles() -> list[Article]:
        return [
            Article(id=f"a{i:05d}", text=t, language=lang, title="")
            for i, (t, lang) in enumerate(texts)
        ]

    gc.disable()
    # Load every language's pipeline, lexicons and tables before timing.
    seen: dict[str, tuple[str, str]] = {}
    for t, lang in texts:
        seen.setdefault(lang, (t, lang))
    analyze_chunk(
        [Article(id=f"w{i}", text=t, language=lang, title="") for i, (t, lang) in
         enumerate(seen.values())],
        as_of,
    )  # fmt: skip
    batches = [articles() for _ in range(args.repeat)]
    analysis = min(_best(lambda b=b: analyze_chunk(b, as_of), 1) for b in batches)
    split = _best(lambda: [split_sentences(t, lang) for t, lang in texts], args.repeat)
    out = {
        "n": args.n,
        "chars_per_article": round(sum(len(t) for t, _ in texts) / len(texts)),
        "analysis_ms_per_article": round(1000 * analysis / len(texts), 3),
        "splitter_ms_per_article": round(1000 * split / len(texts), 3),
        "splitter_share": round(split / analysis, 3),
    }
    if args.pysbd:
        import pysbd

        segs = {lang: pysbd.Segmenter(language=lang if lang in pysbd.languages.LANGUAGE_CODES
                                      else "en", clean=False, char_span=True)
                for _t, lang in texts}  # fmt: skip
        sbd = _best(lambda: [segs[lang].segment(t) for t, lang in texts], 1)
        out["pysbd_ms_per_article"] = round(1000 * sbd / len(texts), 3)
    print(json.dumps(out))


if __name__ == "__main__":
    main()
