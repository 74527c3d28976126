"""Throughput benchmark (issue 7): ``python bench/run.py [N ...] [--jobs J] [--repeat R]``.

Makes a synthetic corpus of N articles by recombining paragraphs of the bundled samples
(all four languages, each article kept within one language), runs the whole
``briefing run --format json`` on it in a subprocess, and prints articles per second,
peak memory (max RSS of the run and its workers) and the ratio of the run's wall time to
the floor: spaCy's blank tokenizer plus sentence splitting over the same texts in one
process. Each figure is the best of R runs (default 3), run and floor interleaved, since
the machine may be shared. Not a test: run by hand, report in bench/README.md.
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"


def seed_paragraphs() -> dict[str, list[str]]:
    import yaml

    meta = yaml.safe_load((SEEDS / "metadata.yaml").read_text(encoding="utf-8"))
    by_lang: dict[str, list[str]] = {}
    for path in sorted(SEEDS.glob("*.txt")):
        lang = meta[path.name]["language"]
        paras = [p.strip() for p in path.read_text(encoding="utf-8").split("\n") if p.strip()]
        by_lang.setdefault(lang, []).extend(p for p in paras if len(p) > 40)
    return by_lang


def make_corpus(n: int, folder: Path, seed: int = 7) -> list[tuple[str, str]]:
    rng = random.Random(seed)
    by_lang = seed_paragraphs()
    langs = sorted(by_lang)
    texts = []
    records = []
    for i in range(n):
        lang = langs[i % len(langs)]
        paras = rng.sample(by_lang[lang], k=min(len(by_lang[lang]), rng.randint(4, 9)))
        text = "\n\n".join(paras)
        texts.append((text, lang))
        day = 1 + i % 28
        records.append(
            {
                "id": f"a{i:05d}",
                "text": text,
                "language": lang,
                "published": f"2022-01-{day:02d}",
                "outlet": f"Outlet {i % 50}",
            }
        )
    with (folder / "corpus.jsonl").open("w", encoding="utf-8") as fh:
        for rec in records:
            fh.write(json.dumps(rec, ensure_ascii=False) + "\n")
    return texts


def floor_seconds(texts: list[tuple[str, str]]) -> tuple[float, float]:
    """Blank tokenizer + spaCy's sentencizer over the same texts, one process: wall and
    CPU seconds."""
    code = (
        "import json,sys,time,spacy\n"
        "texts=json.load(open(sys.argv[1]))\n"
        "t=time.perf_counter()\n"
        "nlps={}\n"
        "by={}\n"
        "for x,l in texts: by.setdefault(l,[]).append(x)\n"
        "for l,xs in by.items():\n"
        "  nlp=spacy.blank(l); nlp.add_pipe('sentencizer')\n"
        "  for d in nlp.pipe(xs, batch_size=64): list(d.sents)\n"
        "print(time.perf_counter()-t)\n"
    )
    with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False) as fh:
        json.dump(texts, fh)
    start = time.perf_counter()
    cpu = _children_cpu()
    subprocess.run([sys.executable, "-c", code, fh.name], capture_output=True, check=True)
    wall = time.perf_counter() - start
    Path(fh.name).unlink()
    # Floor includes its own start-up (import spaCy), as the run does.
    return wall, _children_cpu() - cpu


def _children_cpu() -> float:
    """CPU seconds (user + system) of finished child processes: unlike wall time, it
    barely moves when other work shares the machine."""
    ru = resource.getrusage(resource.RUSAGE_CHILDREN)
    return ru.ru_utime + ru.ru_stime


def run_once(n: int, jobs: int, work: Path, repeat: int = 1) -> dict[str, float]:
    """The run and the floor, each ``repeat`` times, interleaved; the best of each counts
    (the machine is shared: the minimum is the figure least disturbed by others)."""
    folder = work / f"n{n}"
    folder.mkdir(parents=True, exist_ok=True)
    texts = make_corpus(n, folder)
    out = folder / "out"
    cmd = [sys.executable, "-m", "briefing", "run", "--input", str(folder / "corpus.jsonl"),
           "--output", str(out), "--format", "json", "--quiet", "--as-of", "2022-01-20",
           "--jobs", str(jobs)]  # fmt: skip
    runs: list[tuple[float, float]] = []
    floors: list[tuple[float, float]] = []
    for _ in range(repeat):
        cpu = _children_cpu()
        start = time.perf_counter()
        subprocess.run(cmd, check=True, cwd=ROOT)
        runs.append((time.perf_counter() - start, _children_cpu() - cpu))
        floors.append(floor_seconds(texts))
    # The largest process among the runs and the floors (ru_maxrss of waited-for children).
    peak_kb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    wall, cpu = min(runs)
    floor, floor_cpu = min(floors)
    brief = json.loads((out / "brief.json").read_text(encoding="utf-8"))
    return {
        "n": n,
        "jobs": jobs,
        "repeat": repeat,
        "seconds": round(wall, 2),
        "articles_per_second": round(n / wall, 1),
        "peak_rss_mb": round(peak_kb / 1024, 1),
        "floor_seconds": round(floor, 2),
        "ratio_to_floor": round(wall / floor, 2),
        "cpu_seconds": round(cpu, 2),
        "floor_cpu_seconds": round(floor_cpu, 2),
        "seconds_all": [round(w, 2) for w, _c in runs],
        "floor_seconds_all": [round(w, 2) for w, _c in floors],
        "actors": len(brief["actors"]),
        "events": len(brief["calendar"]),
        "positions": len(brief["positions"]),
        "measures": len(brief["sanctions_options"]),
    }


def small_brief_seconds(repeat: int = 1) -> dict[str, float]:
    """The five-sample brief with PDF, start-up included: the best of ``repeat`` wall
    times, the CPU seconds of that run (with its PDF child) and the PDF's pages."""
    import pypdf

    runs = []
    for _ in range(repeat):
        with tempfile.TemporaryDirectory() as tmp:
            cpu = _children_cpu()
            start = time.perf_counter()
            subprocess.run(
                [sys.executable, "-m", "briefing", "run", "--input", str(SEEDS), "--output",
                 tmp, "--quiet"],
                check=True, cwd=ROOT,
            )  # fmt: skip
            wall = time.perf_counter() - start
            pages = len(pypdf.PdfReader(Path(tmp) / "brief.pdf").pages)
            runs.append((wall, _children_cpu() - cpu, pages))
    wall, cpu, pages = min(runs)
    return {
        "five_article_brief_with_pdf_seconds": round(wall, 2),
        "cpu_seconds": round(cpu, 2),
        "pdf_pages": pages,
        "seconds_all": [round(r[0], 2) for r in runs],
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("sizes", nargs="*", type=int, default=[500, 2000, 8000])
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--work", type=Path, default=ROOT / "bench" / "out")
    ap.add_argument("--repeat", type=int, default=3, help="runs per size; the best counts")
    args = ap.parse_args()
    print(json.dumps(small_brief_seconds(args.repeat)), flush=True)
    for n in args.sizes:
        # Peak RSS of children is a high-water mark over the process's life: measure
        # each size in its own process so figures do not carry over.
        res = subprocess.run(
            [sys.executable, __file__, "--one", str(n), str(args.jobs), str(args.work),
             str(args.repeat)],
            capture_output=True, text=True, check=True,
        )  # fmt: skip
        print(res.stdout.strip(), flush=True)


if __name__ == "__main__":
    if len(sys.argv) == 6 and sys.argv[1] == "--one":
        n, jobs, work, repeat = (
            int(sys.argv[2]),
            int(sys.argv[3]),
            Path(sys.argv[4]),
            int(sys.argv[5]),
        )
        print(json.dumps(run_once(n, jobs, work, repeat)))
    else:
        main()
