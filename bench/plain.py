"""Plain-text benchmark (issue 14): ``python bench/plain.py [N ...] [--repeat R]``.

A folder of N ``.txt`` files with no metadata at all (what a folder of files gets:
language identification and publication-date inference included), built from the
samples' paragraphs as ``bench/run.py`` does. With DEFAULT settings (no ``--jobs``), it
times ``briefing run --format json`` and ``--format json,html,pdf``, counts the PDF's
pages, and reads the peak memory of each run (max RSS of the run and its workers), and
the floor (spaCy's blank tokenizer + sentencizer over the same texts). Best of R runs,
interleaved. Not a test: run by hand, report in bench/README.md.
"""

from __future__ import annotations

import argparse
import io
import json
import resource
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from run import ROOT, _children_cpu, floor_seconds, make_corpus


def plain_corpus(n: int, folder: Path) -> list[tuple[str, str]]:
    texts = make_corpus(n, folder)
    (folder / "corpus.jsonl").unlink()
    txt = folder / "txt"
    txt.mkdir(exist_ok=True)
    for i, (text, _lang) in enumerate(texts):
        (txt / f"a{i:05d}.txt").write_text(text + "\n", encoding="utf-8")
    return texts


def timed(cmd: list[str]) -> tuple[float, float, float]:
    """Wall seconds, CPU seconds and the peak RSS (MB) of one run in its own process."""
    probe = (
        "import resource,subprocess,sys,time\n"
        "t=time.perf_counter()\n"
        "subprocess.run(sys.argv[1:],check=True)\n"
        "w=time.perf_counter()-t\n"
        "r=resource.getrusage(resource.RUSAGE_CHILDREN)\n"
        "print(w, r.ru_utime+r.ru_stime, r.ru_maxrss/1024)\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", probe, *cmd], capture_output=True, text=True, check=True, cwd=ROOT
    )
    wall, cpu, peak = (float(x) for x in out.stdout.split())
    return wall, cpu, peak


def run_size(n: int, work: Path, repeat: int) -> dict[str, object]:
    import pypdf

    folder = work / f"plain{n}"
    folder.mkdir(parents=True, exist_ok=True)
    texts = plain_corpus(n, folder)
    base = [sys.executable, "-m", "briefing", "run", "--input", str(folder / "txt"), "--quiet"]
    json_only = [*base, "--output", str(folder / "json"), "--format", "json"]
    everything = [*base, "--output", str(folder / "all"), "--format", "json,html,pdf"]
    runs, alls, floors = [], [], []
    for _ in range(repeat):
        runs.append(timed(json_only))
        alls.append(timed(everything))
        floors.append(floor_seconds(texts))
    pdf = (folder / "all" / "brief.pdf").read_bytes()
    pages = len(pypdf.PdfReader(io.BytesIO(pdf)).pages)
    best_json = min(runs)
    best_all = min(alls)
    floor = min(floors)[0]
    # CPU seconds (run and workers) barely move when other work shares the machine.
    return {
        "n": n,
        "json_seconds": round(best_json[0], 2),
        "json_cpu_seconds": round(best_json[1], 2),
        "json_cpu_all": [round(r[1], 2) for r in runs],
        "json_peak_mb": round(max(r[2] for r in runs), 1),
        "all_seconds": round(best_all[0], 2),
        "all_peak_mb": round(max(r[2] for r in alls), 1),
        "all_to_json": round(best_all[0] / best_json[0], 2),
        "floor_seconds": round(floor, 2),
        "floor_cpu_seconds": round(min(floors)[1], 2),
        "json_ratio_to_floor": round(best_json[0] / floor, 2),
        "pdf_pages": pages,
        "pdf_mb": round(len(pdf) / 1e6, 2),
        "html_mb": round((folder / "all" / "brief.html").stat().st_size / 1e6, 2),
        "json_all": [round(r[0], 2) for r in runs],
        "all_all": [round(r[0], 2) for r in alls],
        "floor_all": [round(f[0], 2) for f in floors],
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("sizes", nargs="*", type=int, default=[2000, 8000])
    ap.add_argument("--work", type=Path, default=ROOT / "bench" / "out")
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()
    for n in args.sizes:
        print(json.dumps(run_size(n, args.work, args.repeat)), flush=True)


if __name__ == "__main__":
    _ = (resource, time, _children_cpu)  # shared helpers of bench/run.py
    main()
