#!/usr/bin/env python3
"""make eval, real follower histories: the Twitter follower counts of ../shared/data/followers/oduwsdl
(read from Wayback Machine captures, mostly monthly; no anomaly labels). Each file is ingested as one
page (platform `twitter`, metric `followers`, at the capture time when the file gives it), detection
runs with the default settings, and every anomaly is listed with its explanation, so that what the
detector says about real, irregularly sampled histories can be read and judged.
"""
import csv
import os
import re
import subprocess
import sys
import tempfile
from datetime import datetime, timezone

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SHARED = os.environ.get("TRACKER_SHARED", os.path.join(ROOT, "..", "shared"))
DATA = os.path.join(SHARED, "data", "followers", "oduwsdl")
TRACKER = os.environ.get("TRACKER", os.path.join(ROOT, ".build", "release", "tracker"))


def capture_time(row):
    """The capture time: the memento's 14-digit timestamp, else the date column (14 digits or a day)."""
    match = re.search(r"/web/(\d{14})", row.get("URL-M") or "")
    text = match.group(1) if match else row["date"].strip()
    layout = "%Y%m%d%H%M%S" if len(text) == 14 else "%Y-%m-%d"
    return datetime.strptime(text, layout).replace(tzinfo=timezone.utc)


def main():
    files = sorted(f for f in os.listdir(DATA) if f.endswith(".csv"))
    with tempfile.TemporaryDirectory(prefix="tracker-followers-") as tmp:
        db, wide = os.path.join(tmp, "followers.db"), os.path.join(tmp, "followers.csv")
        spans = {}
        with open(wide, "w", newline="") as out:
            writer = csv.writer(out)
            writer.writerow(["page", "platform", "observed_at", "followers"])
            for name in files:
                page, seen = name[:-4], set()
                with open(os.path.join(DATA, name)) as f:
                    for row in csv.DictReader(f):
                        when = capture_time(row)
                        if when in seen:  # the same capture listed twice
                            continue
                        seen.add(when)
                        writer.writerow([page, "twitter", when.strftime("%Y-%m-%dT%H:%M:%SZ"), row["count"].strip()])
                spans[page] = (len(seen), (max(seen) - min(seen)).days / 365.25)
        subprocess.run([TRACKER, "ingest", "--quiet", "--no-detect", "--db", db, wide], check=True)
        subprocess.run([TRACKER, "detect", "--all", "--quiet", "--db", db], check=True)
        listed = subprocess.run([TRACKER, "anomalies", "--csv", "--db", db], check=True, capture_output=True, text=True)
        found = {}
        for row in csv.DictReader(listed.stdout.splitlines()):
            found.setdefault(row["page"], []).append(row)
    years = sum(span for _, span in spans.values())
    total = sum(len(rows) for rows in found.values())
    print(f"followers (oduwsdl): {len(files)} real Twitter follower histories, {sum(n for n, _ in spans.values())} "
          f"captures over {years:.0f} page-years; {total} anomalies ({total / years:.2f} per page-year)")
    for page in sorted(spans):
        rows, span = spans[page]
        print(f"  {page:15s} {rows:4d} captures, {span:4.1f} years: {len(found.get(page, []))} anomalies")
        for row in sorted(found.get(page, []), key=lambda r: r["detected_at"]):
            print(f"      {row['kind']:12s} {row['severity']:8s} {row['explanation']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
