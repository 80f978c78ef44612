-- tracker schema, version 1: pages, snapshots, extra metrics, ingest runs.
-- Times are Unix seconds (UTC) in tables; the views show them as ISO 8601 text.
-- Shipped migrations are never edited: later changes go in new numbered files.

-- A page or account, identified by (platform, handle).
CREATE TABLE page (
    id          INTEGER PRIMARY KEY,
    platform    TEXT NOT NULL CHECK (platform <> '' AND platform = lower(platform)),
    handle      TEXT NOT NULL CHECK (handle <> ''),
    created_at  INTEGER NOT NULL,
    UNIQUE (platform, handle)
) STRICT;

-- One row per input source of every `tracker ingest` invocation.
CREATE TABLE ingest_run (
    id                  INTEGER PRIMARY KEY,
    source              TEXT NOT NULL,
    format              TEXT NOT NULL,
    content_hash        TEXT,             -- SHA-256 (hex) of the bytes read
    started_at          INTEGER NOT NULL,
    finished_at         INTEGER,
    outcome             TEXT NOT NULL CHECK (outcome IN ('ok', 'failed')),
    rows_read           INTEGER NOT NULL DEFAULT 0 CHECK (rows_read >= 0),
    rows_rejected       INTEGER NOT NULL DEFAULT 0 CHECK (rows_rejected >= 0),
    snapshots_added     INTEGER NOT NULL DEFAULT 0 CHECK (snapshots_added >= 0),
    snapshots_updated   INTEGER NOT NULL DEFAULT 0 CHECK (snapshots_updated >= 0),
    snapshots_unchanged INTEGER NOT NULL DEFAULT 0 CHECK (snapshots_unchanged >= 0),
    error               TEXT
) STRICT;

-- A page observed at a time. Common metrics are columns (NULL = not observed);
-- any other metric is a row of metric_value.
CREATE TABLE snapshot (
    page_id         INTEGER NOT NULL REFERENCES page (id),
    observed_at     INTEGER NOT NULL,
    followers       INTEGER CHECK (followers >= 0),
    following       INTEGER CHECK (following >= 0),
    fans            INTEGER CHECK (fans >= 0),
    posts           INTEGER CHECK (posts >= 0),
    engagement_rate REAL CHECK (engagement_rate >= 0),
    run_id          INTEGER NOT NULL REFERENCES ingest_run (id),  -- the run that created it
    revised_run_id  INTEGER REFERENCES ingest_run (id),           -- the last run that changed it
    PRIMARY KEY (page_id, observed_at)
) STRICT, WITHOUT ROWID;

-- Names of metrics beyond the common columns.
CREATE TABLE metric (
    id    INTEGER PRIMARY KEY,
    name  TEXT NOT NULL UNIQUE CHECK (name <> '')
) STRICT;

CREATE TABLE metric_value (
    page_id     INTEGER NOT NULL,
    observed_at INTEGER NOT NULL,
    metric_id   INTEGER NOT NULL REFERENCES metric (id),
    value       REAL NOT NULL CHECK (value >= 0),
    run_id      INTEGER NOT NULL REFERENCES ingest_run (id),
    PRIMARY KEY (page_id, observed_at, metric_id),
    FOREIGN KEY (page_id, observed_at) REFERENCES snapshot (page_id, observed_at)
) STRICT, WITHOUT ROWID;

-- Every change to a value already stored (a filled gap or --on-conflict replace), with its run.
CREATE TABLE revision (
    id          INTEGER PRIMARY KEY,
    run_id      INTEGER NOT NULL REFERENCES ingest_run (id),
    page_id     INTEGER NOT NULL,
    observed_at INTEGER NOT NULL,
    metric      TEXT NOT NULL,
    old_value   REAL,
    new_value   REAL NOT NULL,
    FOREIGN KEY (page_id, observed_at) REFERENCES snapshot (page_id, observed_at)
) STRICT;

CREATE INDEX revision_by_snapshot ON revision (page_id, observed_at);

-- MARK: Stable views for ad-hoc SQL (column names and order are part of the interface).

-- One row per snapshot, common metrics as columns.
CREATE VIEW snapshots AS
SELECT p.platform,
       p.handle AS page,
       strftime('%Y-%m-%dT%H:%M:%SZ', s.observed_at, 'unixepoch') AS observed_at,
       s.followers, s.following, s.fans, s.posts, s.engagement_rate
FROM snapshot s JOIN page p ON p.id = s.page_id;

-- One row per observed value of any metric, common or not.
CREATE VIEW metric_values AS
WITH v (page_id, observed_at, metric, value, run_id) AS (
    SELECT page_id, observed_at, 'followers', followers, run_id FROM snapshot WHERE followers IS NOT NULL
    UNION ALL SELECT page_id, observed_at, 'following', following, run_id FROM snapshot WHERE following IS NOT NULL
    UNION ALL SELECT page_id, observed_at, 'fans', fans, run_id FROM snapshot WHERE fans IS NOT NULL
    UNION ALL SELECT page_id, observed_at, 'posts', posts, run_id FROM snapshot WHERE posts IS NOT NULL
    UNION ALL SELECT page_id, observed_at, 'engagement_rate', engagement_rate, run_id FROM snapshot WHERE engagement_rate IS NOT NULL
    UNION ALL SELECT mv.page_id, mv.observed_at, m.name, mv.value, mv.run_id FROM metric_value mv JOIN metric m ON m.id = mv.metric_id
)
SELECT p.platform, p.handle AS page,
       strftime('%Y-%m-%dT%H:%M:%SZ', v.observed_at, 'unixepoch') AS observed_at,
       v.metric, v.value, v.run_id
FROM v JOIN page p ON p.id = v.page_id;

-- Change since the previous observation of the same page and metric, and per day.
CREATE VIEW gains AS
SELECT platform, page, metric, observed_at, value,
       previous_at,
       value - previous_value AS change,
       round((julianday(observed_at) - julianday(previous_at)), 6) AS days,
       (value - previous_value) / (julianday(observed_at) - julianday(previous_at)) AS change_per_day
FROM (
    SELECT platform, page, metric, observed_at, value,
           lag(observed_at) OVER w AS previous_at,
           lag(value) OVER w AS previous_value
    FROM metric_values
    WINDOW w AS (PARTITION BY platform, page, metric ORDER BY observed_at)
);

-- Each page with its first and last snapshot.
CREATE VIEW pages AS
SELECT p.platform, p.handle AS page,
       strftime('%Y-%m-%dT%H:%M:%SZ', min(s.observed_at), 'unixepoch') AS first_at,
       strftime('%Y-%m-%dT%H:%M:%SZ', max(s.observed_at), 'unixepoch') AS last_at,
       count(s.observed_at) AS snapshots
FROM page p LEFT JOIN snapshot s ON s.page_id = p.id
GROUP BY p.id;

-- The ingest log with readable times.
CREATE VIEW ingest_runs AS
SELECT id, source, format, content_hash,
       strftime('%Y-%m-%dT%H:%M:%SZ', started_at, 'unixepoch') AS started_at,
       strftime('%Y-%m-%dT%H:%M:%SZ', finished_at, 'unixepoch') AS finished_at,
       outcome, rows_read, rows_rejected, snapshots_added, snapshots_updated, snapshots_unchanged, error
FROM ingest_run;
