-- tracker schema, version 7: `gains` showed a rate's change with the noise of binary floating
-- point (0.274 − 0.284 gave -0.009999999999999953). A change between two whole numbers stays a
-- whole number; any other is rounded to 12 decimals (far below any metric's precision), and the
-- change per day is worked out from that rounded change.
DROP VIEW gains;

CREATE VIEW gains AS
SELECT platform, page, metric, observed_at, value, previous_at, change,
       round(julianday(observed_at) - julianday(previous_at), 6) AS days,
       change / (julianday(observed_at) - julianday(previous_at)) AS change_per_day
FROM (
    SELECT platform, page, metric, observed_at, value, previous_at,
           CASE WHEN typeof(value) = 'integer' AND typeof(previous_value) = 'integer' THEN value - previous_value
                ELSE round(value - previous_value, 12) END AS change
    FROM (
        SELECT platform, page, metric, observed_at, value,
               lag(observed_at) OVER w AS previous_at,
               lag(value) OVER w AS previous_value
        FROM metric_values
        WINDOW w AS (PARTITION BY platform, page, metric ORDER BY observed_at)
    )
);
