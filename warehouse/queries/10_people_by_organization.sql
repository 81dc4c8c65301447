-- Question: Which people with a title does each report name, grouped by the organization they
--   represent?
-- Needs: people
SELECT r.organization AS publisher, r.year, coalesce(p.organization, '(none)') AS organization,
       p.name, p.title, p.page_number
FROM people p JOIN reports r USING (report_id)
ORDER BY publisher, r.year, organization, p.name;
