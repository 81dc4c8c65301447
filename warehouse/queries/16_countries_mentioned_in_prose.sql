-- Question: Which countries does each report mention most often in its running text?
-- Needs: entity_mentions
SELECT r.organization, r.year, m.country_iso3, c.common_name AS country, count(*) AS mentions,
       string_agg(DISTINCT m.text, ', ') AS written_as
FROM entity_mentions m
JOIN reports r USING (report_id)
LEFT JOIN countries c ON c.iso3 = m.country_iso3
WHERE m.country_iso3 IS NOT NULL
GROUP BY r.organization, r.year, m.country_iso3, c.common_name
ORDER BY r.organization, r.year, mentions DESC, country;
