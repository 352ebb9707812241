#!/usr/bin/env python3
"""Issue 19's before/after table: two builds of fineprint measured side by
side in one run on the same machine (not a ctest test; numbers go into
tests/bench/README.md with the commits and the load).

usage: tests/bench/before_after.py BEFORE_BUILD AFTER_BUILD [--claims N]

Each BUILD is a Release build directory with fineprint and fineprint_claimgen
(-DFINEPRINT_BENCH=ON). Measures, alternating the two executables so that
load drifts hit both alike:
- one claim as a whole process (resolve, reply, price, --version): median
  wall and CPU of 40 runs each, "after" both with its cache of loaded
  rulebooks warm (a cache directory of the run's own, written by the first
  run) and with FINEPRINT_NO_CACHE=1;
- lint: the stress rulebook at 10,000 promotions (OPEN=0) and the realistic
  one at 20,000 (OPEN=50), best of 3;
- batch: N generated return claims and N mixed ones (default 200,000), on 1
  and 2 threads: wall, CPU, claims/s, peak RSS. The two builds' outputs must
  be byte-identical (the script fails otherwise).
"""
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
CLAIM = "examples/claims/washed-wool-hat-goodwill.toml"


def timed(cmd, stdin=None, stdout=subprocess.DEVNULL, env=None):
    """Wall seconds, CPU seconds and peak RSS (KB) of one child run."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    proc = subprocess.run(cmd, cwd=ROOT, stdin=stdin, stdout=stdout, stderr=subprocess.PIPE,
                          env=dict(os.environ, **(env or {})))
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu, after.ru_maxrss, proc


def process_rows(variants):
    """variants: label -> (executable, extra environment)."""
    commands = {
        "resolve": ["resolve", CLAIM],
        "reply": ["reply", "--lang", "lv", CLAIM],
        "price": ["price", CLAIM],
        "--version": ["--version"],
    }
    rows = []
    for name, args in commands.items():
        walls = {k: [] for k in variants}
        cpus = {k: [] for k in variants}
        for _ in range(40):
            for k, (exe, env) in variants.items():
                wall, cpu, _, proc = timed([exe] + args, env=env)
                if proc.returncode != 0:
                    sys.exit(f"{exe} {' '.join(args)}: exit {proc.returncode}: {proc.stderr.decode()}")
                walls[k].append(wall * 1000)
                cpus[k].append(cpu * 1000)
        what = "" if name == "--version" else " of one claim"
        rows.append((f"`{name}`{what} as a process, median of 40", "ms wall / CPU",
                     *(f"{statistics.median(walls[k]):.2f} / {statistics.median(cpus[k]):.2f}" for k in variants)))
    # What starting any process costs this harness (fork, exec, wait): the
    # floor under every row above.
    floor = statistics.median(timed(["/bin/true"])[0] * 1000 for _ in range(40))
    rows.append(("`/bin/true` as a process (the harness's floor), median of 40", "ms wall",
                 *(f"{floor:.2f}" for _ in variants)))
    return rows


def lint_rows(exes, work):
    rows = []
    for label, n, open_ in (("stress, 10,000 promotions", 10000, 0), ("realistic, 20,000 promotions", 20000, 50)):
        path = work / f"lint-{n}-{open_}.toml"
        with open(path, "w") as out:
            subprocess.run(["python3", "tests/bench/analysis/gen_rulebook.py", str(n), "1000", "1", "0.1", str(open_)],
                           cwd=ROOT, stdout=out, check=True)
        best = {k: None for k in exes}
        for _ in range(3):
            for k, exe in exes.items():
                wall, _, _, _ = timed([exe, "lint", str(path), "--format", "json"])
                best[k] = wall if best[k] is None else min(best[k], wall)
        rows.append((f"`lint` {label}, best of 3", "s wall", *(f"{best[k]:.2f}" for k in exes)))
    return rows


def batch_rows(exes, gen, n, work):
    rows = []
    for kind in ("returns", "mixed"):
        claims = work / f"{kind}.jsonl"
        with open(claims, "w") as out:
            subprocess.run([gen, str(n)] + (["--returns-only"] if kind == "returns" else []),
                           stdout=out, check=True)
        for threads in (1, 2):
            cells = {}
            outputs = {}
            for k, exe in exes.items():
                outputs[k] = work / f"out-{k}.jsonl"
                with open(claims) as feed, open(outputs[k], "w") as out:
                    wall, cpu, rss, proc = timed(
                        ["/usr/bin/time", "-f", "%M", exe, "batch", "--rules", "rules", "--threads", str(threads)],
                        stdin=feed, stdout=out)
                peak_kb = int(proc.stderr.decode().strip().splitlines()[-1])
                cells[k] = f"{n / wall:,.0f} claims/s ({wall:.2f} s, CPU {cpu:.2f} s, {peak_kb / 1024:.0f} MB)"
            first, second = (outputs[k].read_bytes() for k in exes)
            if first != second:
                sys.exit(f"batch {kind} --threads {threads}: the two builds' outputs differ")
            rows.append((f"`batch` {n:,} {kind} claims, {threads} thread{'s' if threads > 1 else ''}",
                         "throughput", *(cells[k] for k in exes)))
    return rows


def main():
    args = sys.argv[1:]
    n = 200000
    if "--claims" in args:
        i = args.index("--claims")
        n = int(args[i + 1])
        del args[i:i + 2]
    if len(args) != 2:
        sys.exit(__doc__)
    builds = {"before": Path(args[0]).resolve(), "after": Path(args[1]).resolve()}
    exes = {k: str(b / "fineprint") for k, b in builds.items()}
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        # "after" keeps its loaded rulebooks in the run's own directory, never under $HOME
        os.environ["FINEPRINT_CACHE_DIR"] = str(work / "cache")
        variants = {"before": (exes["before"], {}), "after": (exes["after"], {}),
                    "after, no cache": (exes["after"], {"FINEPRINT_NO_CACHE": "1"})}
        rows = process_rows(variants) + lint_rows(exes, work) + batch_rows(
            exes, str(builds["before"] / "fineprint_claimgen"), n, work)
    print(f"load average at the end: {os.getloadavg()[0]:.2f}")
    print()
    print("| measure | unit | before | after | after, no cache |")
    print("|---|---|---:|---:|---:|")
    for row in rows:
        print("| " + " | ".join(row + ("",) * (5 - len(row))) + " |")


if __name__ == "__main__":
    main()
