-- Question: How did the stated member totals (all, local governments, institutions,
--   corporations) develop from report to report?
SELECT r.organization, r.year,
       max(t.value) FILTER (WHERE t.scope = 'members.total') AS total,
       max(t.value) FILTER (WHERE t.scope = 'members.local_governments') AS local_governments,
       max(t.value) FILTER (WHERE t.scope = 'members.institutions') AS institutions,
       max(t.value) FILTER (WHERE t.scope = 'members.corporations') AS corporations
FROM stated_totals t JOIN reports r USING (report_id)
GROUP BY r.organization, r.year
ORDER BY r.organization, r.year;
