#!/usr/bin/env python3
"""Writes a wide CSV of PAGES pages x DAYS daily snapshots (seeded), like a year of cron ingests.

Each page has its own random stream, so a longer run extends a shorter one: `generate.py f 2000 501 500`
writes only day 500 of the same histories (the next day of a cron job).
"""
import random
import sys
from datetime import date, timedelta


def main(path, pages=2000, days=500, first_day=0, seed=1):
    start = date(2023, 1, 1)
    dates = [(start + timedelta(days=d)).isoformat() + "T06:00:00Z" for d in range(days)]
    platforms = ["twitter", "facebook", "instagram", "youtube"]
    with open(path, "w") as out:
        out.write("page,platform,observed_at,followers,following,posts,engagement_rate\n")
        for p in range(pages):
            rng = random.Random(seed * 1_000_003 + p)
            name = f"page_{p:05d}"
            platform = platforms[p % len(platforms)]
            followers = rng.randint(300, 2_000_000)
            following = rng.randint(50, 5000)
            posts = rng.randint(10, 20000)
            rate = rng.uniform(0.005, 0.3)
            growth = rng.uniform(-0.0005, 0.003)
            lines = []
            for index, day in enumerate(dates):
                followers = max(0, int(followers * (1 + growth) + rng.gauss(0, 3 + followers * 0.001)))
                following = max(0, following + rng.randint(-3, 4))
                posts += rng.randint(0, 3)
                rate = max(0.0, rate * (1 + rng.gauss(0, 0.02)))
                if index >= first_day:
                    lines.append(f"{name},{platform},{day},{followers},{following},{posts},{rate:.5f}\n")
            out.write("".join(lines))


if __name__ == "__main__":
    args = sys.argv[1:]
    main(args[0], *(int(a) for a in args[1:]))
