#!/usr/bin/env python3
"""make bench, ingest part: tracker ingest (--no-detect: ingestion alone; detection is timed
in bench/detect.py) vs sqlite3 .import of the same generated CSV, side by side.

Prints wall times, the ratio (target <= 1.0) and tracker's peak memory (target <= 64 MB).
"""
import os
import resource
import subprocess
import sys
import tempfile
import time

TRACKER = os.environ.get("TRACKER", ".build/release/tracker")
PAGES, DAYS = int(os.environ.get("BENCH_PAGES", 2000)), int(os.environ.get("BENCH_DAYS", 500))
RUNS = int(os.environ.get("BENCH_RUNS", 3))

IMPORT_SQL = """CREATE TABLE snapshots (page TEXT, platform TEXT, observed_at TEXT, followers INTEGER,
following INTEGER, posts INTEGER, engagement_rate REAL, UNIQUE (page, platform, observed_at));
.import --csv --skip 1 {csv} snapshots
"""


def timed(cmd, **kw):
    """Runs cmd; returns (seconds, peak RSS in MB of that child)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    start = time.perf_counter()
    subprocess.run(cmd, check=True, **kw)
    seconds = time.perf_counter() - start
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return seconds, peak / 1024 if peak > before else None


def peak_rss(cmd):
    """Peak RSS (MB) of one command, from /usr/bin/time -v or getrusage in a fresh child."""
    code = ("import resource,subprocess,sys;subprocess.run(sys.argv[1:],check=True);"
            "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)")
    out = subprocess.run([sys.executable, "-c", code, *cmd], check=True, capture_output=True, text=True)
    return int(out.stdout.split()[-1]) / 1024


def main():
    with tempfile.TemporaryDirectory(prefix="tracker-bench-") as tmp:
        csv = os.path.join(tmp, "snapshots.csv")
        subprocess.run([sys.executable, os.path.join(os.path.dirname(__file__), "generate.py"), csv, str(PAGES), str(DAYS)],
                       check=True)
        size = os.path.getsize(csv) / 1e6
        rows = PAGES * DAYS
        print(f"ingest: {rows:,} rows, {size:.0f} MB CSV ({PAGES} pages x {DAYS} days), best of {RUNS}")
        sqlite_times, tracker_times = [], []
        for run in range(RUNS):
            db = os.path.join(tmp, f"sqlite{run}.db")
            script = IMPORT_SQL.format(csv=csv)
            sqlite_times.append(timed(["sqlite3", db], input=script.encode())[0])
            tdb = os.path.join(tmp, f"tracker{run}.db")
            tracker_times.append(timed([TRACKER, "ingest", "--quiet", "--no-detect", "--db", tdb, csv])[0])
            os.remove(db)
        memory = peak_rss([TRACKER, "ingest", "--quiet", "--no-detect", "--db", os.path.join(tmp, "mem.db"), csv])
        detected = timed([TRACKER, "ingest", "--quiet", "--db", os.path.join(tmp, "detect.db"), csv])[0]
        s, t = min(sqlite_times), min(tracker_times)
        print(f"  sqlite3 .import --csv (UNIQUE index): {s:6.2f} s")
        print(f"  tracker ingest:                       {t:6.2f} s")
        print(f"  ratio tracker / sqlite3:              {t / s:6.2f}   (target <= 1.0)")
        print(f"  tracker peak memory:                  {memory:6.1f} MB (target <= 64)")
        print(f"  (tracker ingest with anomaly detection of all 1,000,000 new snapshots: {detected:.2f} s)")
        return 0 if t / s <= 1.0 and memory <= 64 else 1


if __name__ == "__main__":
    sys.exit(main())
