-- Question: Which countries' diplomatic missions did the organization meet, and in which years?
SELECT r.organization, d.country_iso3, coalesce(c.common_name, any_value(d.name)) AS country,
       count(DISTINCT r.year) AS years_met, string_agg(DISTINCT r.year::VARCHAR, ', ' ORDER BY r.year::VARCHAR) AS years
FROM diplomatic_countries d
JOIN reports r USING (report_id)
LEFT JOIN countries c ON c.iso3 = d.country_iso3
GROUP BY r.organization, d.country_iso3, c.common_name
ORDER BY r.organization, years_met DESC, country;
