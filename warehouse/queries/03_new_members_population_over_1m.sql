-- Question: Which new members have a population over 1 million, and who leads them?
-- Param min_population: 1000000
SELECT r.organization, r.year, n.name, n.country, n.kind, n.population, n.area_km2,
       n.leader_title, n.leader_name, n.page_number
FROM new_members n JOIN reports r USING (report_id)
WHERE n.population > CAST($min_population AS BIGINT)
ORDER BY n.population DESC, r.year, n.name;
