#!/usr/bin/env python3
"""make bench, report part: a 10-year daily history (3,650 snapshots of followers, following,
posts and engagement rate, with a contest surge) rendered by `tracker report` (target: well under
a second, a file under 1 MB)."""
import os
import random
import subprocess
import sys
import tempfile
import time
from datetime import date, timedelta

TRACKER = os.environ.get("TRACKER", ".build/release/tracker")


def main():
    rng = random.Random(7)
    with tempfile.TemporaryDirectory(prefix="tracker-bench-") as tmp:
        csv = os.path.join(tmp, "ten-years.csv")
        followers, following, posts, rate = 2_000.0, 300, 100, 0.08
        with open(csv, "w") as out:
            out.write("page,platform,observed_at,followers,following,posts,engagement_rate\n")
            for d in range(3650):
                followers += 3 + rng.gauss(0, 4) + (60 if 2000 <= d < 2100 else 0)
                following += rng.randint(-1, 2)
                posts += rng.randint(0, 3)
                rate = max(0.001, rate * (1 + rng.gauss(0, 0.02)))
                day = date(2015, 1, 1) + timedelta(days=d)
                out.write(f"decade,twitter,{day.isoformat()},{int(followers)},{following},{posts},{rate:.5f}\n")
        db = os.path.join(tmp, "bench.db")
        subprocess.run([TRACKER, "ingest", "--quiet", "--db", db, csv], check=True)
        html = os.path.join(tmp, "decade.html")
        start = time.perf_counter()
        subprocess.run([TRACKER, "report", "--db", db, "--page", "decade", "-o", html], check=True, stdout=subprocess.DEVNULL)
        seconds = time.perf_counter() - start
        size = os.path.getsize(html) / 1e6
        print("report: 10 years of daily snapshots (3,650 x 4 metrics)")
        print(f"  tracker report: {seconds:6.2f} s (target: well under 1 s), {size:.2f} MB (target < 1 MB)")
        return 0 if seconds < 1 and size < 1 else 1


if __name__ == "__main__":
    sys.exit(main())
