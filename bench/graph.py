#!/usr/bin/env python3
"""make bench, graph part: a follow graph of 1,000,000 edges among 100,000 accounts (seeded: 1,000
communities of 100, each account following 10 others, 80% inside its community), ingested, then
split into Louvain communities by `tracker graph communities`, against networkx's
`louvain_communities` on the same edges (networkx installed with pip when missing).

Targets (issue 6): seconds, memory proportional to the graph; the ratio to networkx is reported."""
import os
import random
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(__file__))
from ingest import peak_rss  # noqa: E402

TRACKER = os.environ.get("TRACKER", ".build/release/tracker")
NODES, PER_NODE, GROUP = 100_000, 10, 100

NETWORKX = """
import sys, time, resource
import networkx as nx
from networkx.algorithms.community import louvain_communities, modularity
start = time.perf_counter()
g = nx.Graph()
with open(sys.argv[1]) as f:
    next(f)
    g.add_edges_from(tuple(line.rstrip().split(",")) for line in f)
c = louvain_communities(g, seed=1)
seconds = time.perf_counter() - start
print(seconds, len(c), modularity(g, c), resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)
"""


def write_edges(path):
    rng = random.Random(6)
    with open(path, "w") as out:
        out.write("source,target\n")
        lines = []
        for a in range(NODES):
            base = a - a % GROUP
            targets = set()
            while len(targets) < PER_NODE:
                b = base + rng.randrange(GROUP) if rng.random() < 0.8 else rng.randrange(NODES)
                if b != a:
                    targets.add(b)
            lines.extend(f"{a},{b}\n" for b in sorted(targets))
        out.writelines(lines)
        return len(lines)


def main():
    try:
        import networkx  # noqa: F401
    except ImportError:
        subprocess.run([sys.executable, "-m", "pip", "install", "--quiet", "networkx"], check=True)
    with tempfile.TemporaryDirectory(prefix="tracker-bench-") as tmp:
        edges = os.path.join(tmp, "edges.csv")
        count = write_edges(edges)
        db = os.path.join(tmp, "graph.db")
        start = time.perf_counter()
        subprocess.run([TRACKER, "graph", "ingest", "-q", "--db", db, "--page", "big", "--platform", "twitter", "--at", "2020-01-01", edges], check=True)
        t_ingest = time.perf_counter() - start
        cmd = [TRACKER, "graph", "communities", "--db", db, "--page", "big", "--csv"]
        start = time.perf_counter()
        out = subprocess.run(cmd, check=True, capture_output=True, text=True).stdout.splitlines()
        t_ours = time.perf_counter() - start
        rss_ours = peak_rss(cmd)
        q_ours = float(out[1].split(",")[-1])
        theirs = subprocess.run([sys.executable, "-c", NETWORKX, edges], check=True, capture_output=True, text=True).stdout.split()
        t_nx, k_nx, q_nx, rss_nx = float(theirs[0]), int(theirs[1]), float(theirs[2]), float(theirs[3])
        print(f"graph: {count:,} follow edges among {NODES:,} accounts (1,000 planted communities)")
        print(f"  tracker graph ingest:       {t_ingest:6.2f} s")
        print(f"  tracker graph communities:  {t_ours:6.2f} s, peak {rss_ours:.0f} MB, {len(out) - 1} communities, Q = {q_ours:.4f}")
        print(f"  networkx louvain (load + communities): {t_nx:6.2f} s, peak {rss_nx:.0f} MB, {k_nx} communities, Q = {q_nx:.4f}")
        print(f"  ratio tracker / networkx: time {t_ours / t_nx:.2f}, memory {rss_ours / rss_nx:.2f}")
        return 0 if t_ours < 10 and q_ours >= q_nx - 0.01 else 1


if __name__ == "__main__":
    sys.exit(main())
