#!/usr/bin/env python3
"""make bench, detection part, on data generated on the fly (2,000 pages x 500 days):

- a full re-detection (`tracker detect --all`) against `sqlite3 -csv` dumping the `snapshots`
  view to /dev/null, side by side (target: at most 2x);
- one more day for every page ingested with detection, against the full re-detection
  (target: under 5%).
"""
import os
import shutil
import subprocess
import sys
import tempfile
import time

TRACKER = os.environ.get("TRACKER", ".build/release/tracker")
PAGES, DAYS = int(os.environ.get("BENCH_PAGES", 2000)), int(os.environ.get("BENCH_DAYS", 500))
RUNS = int(os.environ.get("BENCH_RUNS", 5))
HERE = os.path.dirname(os.path.abspath(__file__))


def seconds(cmd, **kw):
    start = time.perf_counter()
    subprocess.run(cmd, check=True, **kw)
    return time.perf_counter() - start


def main():
    with tempfile.TemporaryDirectory(prefix="tracker-bench-") as tmp:
        history, day = os.path.join(tmp, "history.csv"), os.path.join(tmp, "day.csv")
        subprocess.run([sys.executable, os.path.join(HERE, "generate.py"), history, str(PAGES), str(DAYS)], check=True)
        subprocess.run([sys.executable, os.path.join(HERE, "generate.py"), day, str(PAGES), str(DAYS + 1), str(DAYS)], check=True)
        db = os.path.join(tmp, "bench.db")
        subprocess.run([TRACKER, "ingest", "--quiet", "--no-detect", "--db", db, history], check=True)
        print(f"detection: {PAGES * DAYS:,} snapshots ({PAGES} pages x {DAYS} days, 4 metrics), best of {RUNS}")
        # Interleaved, so that a machine whose speed drifts slows both sides alike.
        dumps, fulls = [], []
        for _ in range(RUNS):
            dumps.append(seconds(["sqlite3", "-csv", db, "SELECT * FROM snapshots"], stdout=subprocess.DEVNULL))
            fulls.append(seconds([TRACKER, "detect", "--all", "--quiet", "--db", db]))
        dump, full = min(dumps), min(fulls)
        print(f"  sqlite3 -csv dump of the snapshots view: {dump:6.2f} s")
        print(f"  tracker detect --all:                    {full:6.2f} s   ratio {full / dump:.2f} (target <= 2.0)")
        def one_day(*flags):
            times = []
            for run in range(RUNS):
                copy = os.path.join(tmp, f"copy{run}.db")
                for stale in (copy, copy + "-wal", copy + "-shm"):
                    if os.path.exists(stale):
                        os.remove(stale)
                # A byte copy of the database as tracker left it (VACUUM INTO would repack every
                # B-tree leaf full, so that each new row splits one: not the database a cron job has).
                subprocess.run(["sqlite3", db, "PRAGMA wal_checkpoint(TRUNCATE)"], check=True, stdout=subprocess.DEVNULL)
                shutil.copyfile(db, copy)
                # Written back before the run, as a cron job's database is: else the run's first
                # fdatasync flushes the fresh copy (18 ms of a one-row ingest's 25 ms, measured).
                os.sync()
                times.append(seconds([TRACKER, "ingest", "--quiet", *flags, "--db", copy, day]))
            return min(times)
        best, plain = one_day(), one_day("--no-detect")
        print(f"  ingest one more day, detection included: {best:6.2f} s   {100 * best / full:.1f}% of a full re-detection (target < 5%)")
        print(f"  (the same ingest without detection:      {plain:6.2f} s   {100 * plain / full:.1f}%)")
        return 0 if full / dump <= 2.0 and best / full < 0.05 else 1


if __name__ == "__main__":
    sys.exit(main())
