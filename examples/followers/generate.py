#!/usr/bin/env python3
"""Writes the two synthetic follower rosters of the demo (seeded, so the files never change):
cloudwatt's Twitter followers on 2014-05-01 and 2014-06-02. Between them 150 bought followers
arrive in one batch, all created within five days of each other in 2012; 20 followers leave.
Invented accounts, not real people."""
import csv, random

rng = random.Random(2014)
DAY = 86400
T1, T2 = 1398902400, 1401667200  # 2014-05-01, 2014-06-02
COLUMNS = ["id", "handle", "name", "description", "location", "lang", "created_at", "posts",
           "followers", "following", "listed", "last_post_at", "default_image"]
PLACES = ["Paris", "Lyon", "France", "Toulouse", "Nantes", "Bordeaux", "Lille", "", "", ""]

def iso(t): return __import__("time").strftime("%Y-%m-%dT%H:%M:%SZ", __import__("time").gmtime(t))

def organic(i, now):
    created = rng.randint(1167609600, now - 30 * DAY)  # 2007 .. a month ago
    posts = int(rng.lognormvariate(6, 1.6))
    followers = int(rng.lognormvariate(5, 1.3))
    following = int(followers * rng.lognormvariate(0, 0.7)) + rng.randint(0, 50)
    quiet = rng.random() < 0.06
    last = now - (rng.randint(100, 900) if quiet else rng.randint(0, 20)) * DAY
    return {"id": str(1000 + i), "handle": f"user{i}", "name": f"User {i}",
            "description": "" if rng.random() < 0.15 else "Cloud, digital, open source",
            "location": rng.choice(PLACES), "lang": rng.choice(["fr"] * 8 + ["en"] * 2),
            "created_at": iso(created), "posts": posts, "followers": followers, "following": following,
            "listed": rng.randint(0, 5), "last_post_at": iso(last) if posts else "",
            "default_image": "true" if rng.random() < 0.03 else "false"}

def fake(i, created_from, spread_days):
    created = created_from + rng.randint(0, spread_days * DAY)
    return {"id": str(900000 + i), "handle": f"follow{rng.randint(10000, 99999)}back", "name": "",
            "description": "", "location": "", "lang": "en", "created_at": iso(created),
            "posts": rng.randint(0, 40), "followers": rng.randint(2, 60), "following": rng.randint(1500, 2100),
            "listed": 0, "last_post_at": "", "default_image": rng.choice(["true", "false"])}

first = [organic(i, T1) for i in range(400)] + [fake(i, 1262304000, 900) for i in range(50)]
rng.shuffle(first)
leaving = set(rng.sample(range(len(first)), 20))
kept = [row for k, row in enumerate(first) if k not in leaving]
bought = [fake(1000 + i, 1338508800, 5) for i in range(150)]  # created 2012-06-01 .. 06-06
newcomers = [organic(400 + i, T2) for i in range(60)]
# The API lists the newest followers first: organic newcomers around one bought batch.
second = newcomers[:30] + bought + newcomers[30:] + kept

for when, rows in (("2014-05-01", first), ("2014-06-02", second)):
    with open(f"cloudwatt-{when}.csv", "w", newline="") as out:
        writer = csv.DictWriter(out, COLUMNS, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)

# The follow graph on 2014-06-02: every follower follows the page; the organic followers form two
# circles (cloud people and digital people) with a few ties across; the 200 fake accounts follow
# each other as a farm does, and almost nobody else.
organic_ids = [row["id"] for row in second if not row["id"].startswith("9")]
fake_ids = [row["id"] for row in second if row["id"].startswith("9")]
half = len(organic_ids) // 2
edges = [(member["id"], "cloudwatt") for member in second]
for group, p_in in ((organic_ids[:half], 0.04), (organic_ids[half:], 0.04), (fake_ids, 0.05)):
    for a in group:
        for b in group:
            if a != b and rng.random() < p_in:
                edges.append((a, b))
for a in organic_ids:
    for b in organic_ids:
        if a != b and rng.random() < 0.002:
            edges.append((a, b))
with open("cloudwatt-graph-2014-06-02.csv", "w", newline="") as out:
    out.write("source,target\n")
    out.writelines(f"{a},{b}\n" for a, b in edges)
