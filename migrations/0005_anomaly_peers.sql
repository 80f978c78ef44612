-- tracker schema, version 5: events of one kind that start on other pages of a platform at the
-- same time (a purge, a scraper outage), which `tracker anomalies` counts for each event it lists.
CREATE INDEX anomaly_by_metric_kind_start ON anomaly (metric, kind, start_at);
