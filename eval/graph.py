#!/usr/bin/env python3
"""make eval, graph part: tracker's Louvain against networkx's `louvain_communities` on the same
generated graphs (planted partitions and LFR benchmark graphs, seeded), and on Zachary's karate club.
For each graph: modularity Q of both partitions (computed by networkx), the normalised mutual
information (NMI) between them, and each one's NMI with the planted communities.
networkx is installed with pip when missing."""
import csv
import io
import math
import os
import subprocess
import sys
import tempfile
from collections import Counter

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
TRACKER = os.environ.get("TRACKER", os.path.join(ROOT, ".build", "release", "tracker"))

try:
    import networkx as nx
except ImportError:
    subprocess.run([sys.executable, "-m", "pip", "install", "--quiet", "networkx"], check=True)
    import networkx as nx
from networkx.algorithms.community import louvain_communities, modularity  # noqa: E402


def nmi(a, b):
    """Normalised mutual information (arithmetic mean of the entropies), as scikit-learn's default."""
    n = len(a)
    joint, ca, cb = Counter(zip(a, b)), Counter(a), Counter(b)
    mutual = sum(c / n * math.log((c / n) / (ca[x] / n * cb[y] / n)) for (x, y), c in joint.items())
    h = lambda counts: -sum(c / n * math.log(c / n) for c in counts.values())
    ha, hb = h(ca), h(cb)
    return 1.0 if ha + hb == 0 else 2 * mutual / (ha + hb)


def tracker_partition(graph, tmp, seed):
    edges = os.path.join(tmp, "edges.csv")
    with open(edges, "w") as out:
        out.write("source,target\n")
        out.writelines(f"{a},{b}\n" for a, b in graph.edges())
    db = os.path.join(tmp, "graph.db")
    if os.path.exists(db):
        os.remove(db)
    subprocess.run([TRACKER, "graph", "ingest", "-q", "--db", db, "--page", "g", "--platform", "eval", "--at", "2020-01-01", edges], check=True)
    out = subprocess.run([TRACKER, "graph", "export", "--db", db, "--page", "g", "--format", "csv", "--seed", str(seed)],
                         check=True, capture_output=True, text=True).stdout
    return {int(row["id"]): int(row["community"]) for row in csv.DictReader(io.StringIO(out))}


def graphs():
    for n, k, mix in ((1_000, 10, 0.05), (1_000, 10, 0.3), (5_000, 50, 0.2), (20_000, 40, 0.3)):
        size = n // k
        g = nx.planted_partition_graph(k, size, min(1.0, 12 / size * (1 - mix) * 1.0), 12 * mix / (n - size), seed=7)
        yield f"planted {k}x{size}, mixing {mix}", g, {v: v // size for v in g}
    for n, mu in ((1_000, 0.1), (5_000, 0.3)):
        g = nx.LFR_benchmark_graph(n, 2.5, 1.5, mu, average_degree=10, max_degree=50, min_community=20, max_community=100, seed=11)
        g.remove_edges_from(nx.selfloop_edges(g))
        truth, label = {}, 0
        for community in {frozenset(g.nodes[v]["community"]) for v in g}:
            for v in community:
                truth[v] = label
            label += 1
        yield f"LFR n={n}, mu={mu}", nx.Graph(g), truth
    karate = nx.Graph(list(nx.karate_club_graph().edges()))
    yield "karate club", karate, {v: int(karate_club_faction(v)) for v in karate}


def karate_club_faction(v):
    return nx.karate_club_graph().nodes[v]["club"] == "Officer"


def main():
    print("graph: tracker's Louvain vs networkx louvain_communities (seed 1 each; Q by networkx)")
    print(f"  {'graph':34} {'nodes':>6} {'edges':>7}  {'Q tracker':>9} {'Q networkx':>10}  {'NMI t~nx':>8}  {'NMI t~truth':>11} {'NMI nx~truth':>12}")
    worst = 1.0
    with tempfile.TemporaryDirectory(prefix="tracker-graph-") as tmp:
        for name, g, truth in graphs():
            ours = tracker_partition(g, tmp, seed=1)
            nodes = sorted(g)
            theirs_sets = louvain_communities(g, seed=1)
            theirs = {v: i for i, c in enumerate(theirs_sets) for v in c}
            ours_sets = {}
            for v, c in ours.items():
                ours_sets.setdefault(c, set()).add(v)
            q_ours, q_theirs = modularity(g, list(ours_sets.values())), modularity(g, theirs_sets)
            worst = min(worst, q_ours - q_theirs)
            a, b, t = [ours[v] for v in nodes], [theirs[v] for v in nodes], [truth[v] for v in nodes]
            print(f"  {name:34} {g.number_of_nodes():>6} {g.number_of_edges():>7}  {q_ours:9.4f} {q_theirs:10.4f}  {nmi(a, b):8.3f}  {nmi(a, t):11.3f} {nmi(b, t):12.3f}")
    print(f"  worst Q difference (tracker - networkx): {worst:+.4f}")
    return 0 if worst > -0.01 else 1


if __name__ == "__main__":
    sys.exit(main())
