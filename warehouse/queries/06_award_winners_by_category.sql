-- Question: Which cities won each award category, at which level, and for which project?
SELECT r.organization, r.year, a.category,
       CASE a.level WHEN 'gold' THEN 1 WHEN 'silver' THEN 2 WHEN 'bronze' THEN 3 ELSE 4 END
           AS level_rank,
       a.level, a.city, a.project
FROM awards a JOIN reports r USING (report_id)
ORDER BY r.organization, r.year, a.category, level_rank, a.city;
