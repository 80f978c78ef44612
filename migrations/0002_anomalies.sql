-- tracker schema, version 2: detected anomalies and how far detection has looked.

-- One flagged event of one metric of one page. Events still under way are extended
-- (end_at, after_value, score) as snapshots arrive; detected_at never changes.
CREATE TABLE anomaly (
    id           INTEGER PRIMARY KEY,
    page_id      INTEGER NOT NULL REFERENCES page (id),
    metric       TEXT NOT NULL,
    kind         TEXT NOT NULL CHECK (kind <> ''),   -- spike, drop, surge, level_shift, dilution, follow_churn
    start_at     INTEGER NOT NULL,
    end_at       INTEGER NOT NULL CHECK (end_at >= start_at),
    detected_at  INTEGER NOT NULL CHECK (detected_at >= start_at),
    severity     TEXT NOT NULL CHECK (severity IN ('info', 'warning', 'critical')),
    score        REAL NOT NULL,
    before_value REAL NOT NULL,
    after_value  REAL NOT NULL,
    explanation  TEXT NOT NULL,
    UNIQUE (page_id, metric, kind, detected_at)
) STRICT;

CREATE INDEX anomaly_by_time ON anomaly (detected_at);

-- Per page: observations up to this time have been judged, at this sensitivity.
CREATE TABLE detection_state (
    page_id       INTEGER PRIMARY KEY REFERENCES page (id),
    checked_until INTEGER NOT NULL,
    sensitivity   REAL NOT NULL CHECK (sensitivity > 0)
) STRICT;

-- Per page: a sensitivity other than the default (`tracker detect --page P --sensitivity high --save`).
CREATE TABLE page_setting (
    page_id     INTEGER PRIMARY KEY REFERENCES page (id),
    sensitivity REAL CHECK (sensitivity > 0)
) STRICT;

-- The anomalies with readable names and times (stable interface for ad-hoc SQL).
CREATE VIEW anomalies AS
SELECT p.platform, p.handle AS page, a.metric, a.kind,
       strftime('%Y-%m-%dT%H:%M:%SZ', a.start_at, 'unixepoch') AS start,
       strftime('%Y-%m-%dT%H:%M:%SZ', a.end_at, 'unixepoch') AS "end",
       strftime('%Y-%m-%dT%H:%M:%SZ', a.detected_at, 'unixepoch') AS detected_at,
       a.severity, a.score, a.before_value AS before, a.after_value AS after, a.explanation
FROM anomaly a JOIN page p ON p.id = a.page_id;
