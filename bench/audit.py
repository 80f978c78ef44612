#!/usr/bin/env python3
"""make bench, audit part: a page with 1,000,000 followers (generated, seeded), recorded twice a
month apart (10,000 leave, 50,000 arrive, 20,000 of them in one bought batch), then audited.

Targets (issue 5): `tracker audit` takes seconds with bounded memory. Baseline: `sqlite3` reading
the same roster through the `roster_profiles` view into /dev/null, the floor for any audit
that reads its followers from the database."""
import os
import random
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(__file__))
from ingest import peak_rss  # noqa: E402

TRACKER = os.environ.get("TRACKER", ".build/release/tracker")
COUNT = 1_000_000


def iso(t):
    return time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(t))


def account(rng, i, created):
    posts = int(rng.lognormvariate(6, 1.6))
    followers = int(rng.lognormvariate(5, 1.3))
    following = int(followers * rng.lognormvariate(0, 0.8)) + rng.randint(0, 50)
    desc = "" if rng.random() < 0.15 else "cloud and digital"
    return f"{i},user{i},User {i},{desc},Paris,fr,{iso(created)},{posts},{followers},{following},{rng.randint(0, 9)},false\n"


def write_rosters(tmp):
    rng = random.Random(5)
    header = "id,handle,name,description,location,lang,created_at,posts,followers,following,listed,default_image\n"
    rows = [account(rng, i, rng.randint(1_167_609_600, 1_390_000_000)) for i in range(COUNT)]
    first = os.path.join(tmp, "first.csv")
    with open(first, "w") as out:
        out.write(header)
        out.writelines(rows)
    bought = [f"{COUNT + i},fb{i},,,,en,{iso(1_338_508_800 + rng.randint(0, 4 * 86400))},3,12,1900,0,true\n" for i in range(20_000)]
    organic = [account(rng, COUNT + 20_000 + i, rng.randint(1_167_609_600, 1_398_000_000)) for i in range(30_000)]
    second = os.path.join(tmp, "second.csv")
    with open(second, "w") as out:
        out.write(header)
        out.writelines(organic[:10_000] + bought + organic[10_000:] + rows[10_000:])
    return first, second


def run(cmd):
    start = time.perf_counter()
    subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL)
    return time.perf_counter() - start


def main():
    with tempfile.TemporaryDirectory(prefix="tracker-bench-") as tmp:
        first, second = write_rosters(tmp)
        db = os.path.join(tmp, "audit.db")
        ingest = [TRACKER, "followers", "ingest", "--quiet", "--db", db, "--page", "big", "--platform", "twitter"]
        t_first = run(ingest + ["--at", "2014-05-01", first])
        t_second = run(ingest + ["--at", "2014-06-02", second])
        audit = [TRACKER, "audit", "--db", db, "--page", "big", "--csv"]
        t_audit = run(audit)
        rss_audit = peak_rss(audit)
        changes = [TRACKER, "followers", "changes", "--db", db, "--page", "big", "--csv"]
        t_changes = run(changes)
        rss_changes = peak_rss(changes)
        t_sqlite = run(["sqlite3", "-csv", db, "SELECT * FROM roster_profiles WHERE roster_id = 2"])
        rows = subprocess.run(changes, check=True, capture_output=True, text=True).stdout
        found = [line for line in rows.splitlines() if line.startswith("batch,")]
        print(f"audit: a page with {COUNT:,} followers, two rosters a month apart (+50,000, -10,000; a bought batch of 20,000)")
        print(f"  followers ingest, first roster:  {t_first:6.2f} s")
        print(f"  followers ingest, second roster: {t_second:6.2f} s (including its audit and changes)")
        print(f"  tracker audit:                   {t_audit:6.2f} s, peak {rss_audit:.1f} MB;"
              f" sqlite3 reading the roster_profiles view: {t_sqlite:.2f} s (ratio {t_audit / t_sqlite:.2f})")
        print(f"  tracker followers changes:       {t_changes:6.2f} s, peak {rss_changes:.1f} MB; batches found: {len(found)}"
              + (f" ({found[0].split(',')[2]} accounts)" if found else ""))
        return 0 if t_audit < 10 and rss_audit < 200 and len(found) == 1 else 1


if __name__ == "__main__":
    sys.exit(main())
