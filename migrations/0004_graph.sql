-- tracker schema, version 4: follow edges among the accounts around a page.

-- One snapshot of the follow graph around a page.
CREATE TABLE graph (
    id        INTEGER PRIMARY KEY,
    page_id   INTEGER NOT NULL REFERENCES page (id),
    taken_at  INTEGER NOT NULL,
    edges     INTEGER NOT NULL CHECK (edges >= 0),
    run_id    INTEGER NOT NULL REFERENCES ingest_run (id),
    UNIQUE (page_id, taken_at)
) STRICT;

-- source follows target.
CREATE TABLE graph_edge (
    graph_id   INTEGER NOT NULL REFERENCES graph (id),
    source_id  INTEGER NOT NULL REFERENCES account (id),
    target_id  INTEGER NOT NULL REFERENCES account (id),
    PRIMARY KEY (graph_id, source_id, target_id)
) STRICT, WITHOUT ROWID;

-- MARK: Stable views for ad-hoc SQL.

-- One row per follow edge, with both accounts' keys and latest known handles.
CREATE VIEW graph_edges AS
SELECT g.id AS graph_id, p.platform, p.handle AS page,
       strftime('%Y-%m-%dT%H:%M:%SZ', g.taken_at, 'unixepoch') AS taken_at,
       s.key AS source, t.key AS target,
       (SELECT handle FROM profile_version WHERE account_id = e.source_id ORDER BY seen_at DESC LIMIT 1) AS source_handle,
       (SELECT handle FROM profile_version WHERE account_id = e.target_id ORDER BY seen_at DESC LIMIT 1) AS target_handle
FROM graph_edge e
JOIN graph g ON g.id = e.graph_id
JOIN page p ON p.id = g.page_id
JOIN account s ON s.id = e.source_id
JOIN account t ON t.id = e.target_id;
