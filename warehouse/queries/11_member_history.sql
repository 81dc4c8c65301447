-- Question: In which reports was a given member (matched by name, ignoring case and accents)
--   listed, and under which name, region and type?
-- Param member: Seoul
WITH wanted AS (
    SELECT DISTINCT org_id FROM members
    WHERE strip_accents(lower(name)) = strip_accents(lower(CAST($member AS VARCHAR)))
)
SELECT mr.organization, mr.year, mr.report_id, w.org_id, m.org_id IS NOT NULL AS listed,
       m.name, m.country, m.region, m.member_type
FROM wanted w
CROSS JOIN member_reports mr
LEFT JOIN member_roster m ON m.report_id = mr.report_id AND m.org_id = w.org_id
ORDER BY w.org_id, mr.organization, mr.year;
