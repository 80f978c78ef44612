#!/usr/bin/env python3
"""make eval, NAB part: ingest each series of ../shared/data/nab as one page (platform `nab`,
metric `value`), run `tracker detect --all`, turn the anomalies into NAB detections (one flagged
row per anomaly: the row at which it was raised, `detected_at`) and score them with
../shared/eval/nab_score.py. Nothing is tuned per file.
"""
import csv
import json
import os
import subprocess
import sys
import tempfile
from datetime import datetime, timedelta, timezone

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SHARED = os.environ.get("TRACKER_SHARED", os.path.join(ROOT, "..", "shared"))
NAB = os.path.join(SHARED, "data", "nab")
SCORER = os.path.join(SHARED, "eval", "nab_score.py")
TRACKER = os.environ.get("TRACKER", os.path.join(ROOT, ".build", "release", "tracker"))


def iso(text):
    return datetime.strptime(text, "%Y-%m-%d %H:%M:%S").replace(tzinfo=timezone.utc)


def main():
    sensitivity = sys.argv[1] if len(sys.argv) > 1 else None
    with open(os.path.join(NAB, "labels", "windows.json")) as f:
        keys = sorted(json.load(f))
    with tempfile.TemporaryDirectory(prefix="tracker-nab-") as tmp:
        db = os.path.join(tmp, "nab.db")
        wide = os.path.join(tmp, "nab.csv")
        original = {}  # (page, stored ISO time) -> (file key, timestamp as written)
        with open(wide, "w", newline="") as out:
            writer = csv.writer(out)
            writer.writerow(["page", "platform", "observed_at", "value"])
            for key in keys:
                page = key[:-4]
                seen = set()
                with open(os.path.join(NAB, "data", key)) as f:
                    for row in csv.DictReader(f):
                        when = iso(row["timestamp"])
                        while when in seen:  # NAB repeats a few timestamps: keep both rows, a second apart
                            when += timedelta(seconds=1)
                        seen.add(when)
                        stamp = when.strftime("%Y-%m-%dT%H:%M:%SZ")
                        original[(page, stamp)] = (key, row["timestamp"])
                        writer.writerow([page, "nab", stamp, row["value"]])
        subprocess.run([TRACKER, "ingest", "--quiet", "--no-detect", "--db", db, wide], check=True)
        detect = [TRACKER, "detect", "--all", "--quiet", "--db", db]
        if sensitivity:
            detect += ["--sensitivity", sensitivity]
        subprocess.run(detect, check=True)
        listed = subprocess.run([TRACKER, "anomalies", "--csv", "--db", db], check=True, capture_output=True, text=True)
        detections = os.path.join(tmp, "detections.csv")
        count = 0
        with open(detections, "w", newline="") as out:
            writer = csv.writer(out)
            writer.writerow(["file", "timestamp"])
            for row in csv.DictReader(listed.stdout.splitlines()):
                writer.writerow(original[(row["page"], row["detected_at"])])
                count += 1
        print(f"NAB: {len(keys)} files, {count} detections")
        if os.environ.get("NAB_KEEP"):  # keep the detections for a closer look
            with open(detections) as src, open(os.environ["NAB_KEEP"], "w") as dst:
                dst.write(src.read())
        result = subprocess.run([sys.executable, SCORER, "--data", os.path.join(NAB, "data"),
                                 "--windows", os.path.join(NAB, "labels", "windows.json"),
                                 "--detections", detections, "--json"], check=True, capture_output=True, text=True)
        summary = json.loads(result.stdout)
        if os.environ.get("NAB_VERBOSE"):
            text = subprocess.run([sys.executable, SCORER, "--data", os.path.join(NAB, "data"), "--profile", "standard",
                                   "--windows", os.path.join(NAB, "labels", "windows.json"), "--detections", detections],
                                  check=True, capture_output=True, text=True)
            print(text.stdout)
        with open(os.path.join(SHARED, "eval", "nab_published_scores.json")) as f:
            published = json.load(f)
        report(summary, published)


def report(summary, published):
    profiles = summary["profiles"]
    names = ["standard", "reward_low_FP_rate", "reward_low_FN_rate"]
    print("  tracker:            " + ", ".join(f"{n} {profiles[n]['score']:.1f}" for n in names))
    for key in ["contextOSE", "numenta", "earthgeckoSkyline", "twitterADVec", "windowedGaussian", "skyline"]:
        entry = published["detectors"].get(key)
        if entry:
            print(f"  {entry['name'] + ':':<20}" + ", ".join(f"{n} {entry['scores'][n]:.1f}" for n in names))


if __name__ == "__main__":
    main()
