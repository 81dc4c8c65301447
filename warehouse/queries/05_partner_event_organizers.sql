-- Question: Which organizers hosted the partner events the publisher took part in, how many, and
--   in which years?
SELECT r.organization, e.organizer, count(*) AS events,
       min(r.year) AS first_year, max(r.year) AS last_year,
       string_agg(e.name, '; ' ORDER BY e.start_date) AS event_names
FROM events e JOIN reports r USING (report_id)
WHERE e.kind = 'partner' AND e.organizer IS NOT NULL
GROUP BY r.organization, e.organizer
ORDER BY events DESC, e.organizer;
