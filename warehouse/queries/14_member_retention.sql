-- Question: Of the members listed in one report, how many were still listed in the next report
--   of the same organization (renames count as staying)?
WITH pairs AS (
    SELECT a.organization, a.report_id AS from_report_id, a.year AS from_year,
           b.report_id AS to_report_id, b.year AS to_year
    FROM member_reports a
    JOIN member_reports b ON b.organization = a.organization AND b.seq = a.seq + 1
),
listed AS (SELECT report_id, count(*) AS members FROM member_roster GROUP BY report_id),
changes AS (
    SELECT from_report_id, to_report_id,
           count(*) FILTER (WHERE change = 'left') AS left_count,
           count(*) FILTER (WHERE change = 'joined') AS joined_count,
           count(*) FILTER (WHERE change = 'renamed') AS renamed_count
    FROM member_changes GROUP BY from_report_id, to_report_id
)
SELECT p.organization, p.from_year, p.to_year, f.members AS members_before,
       f.members - coalesce(c.left_count, 0) AS stayed, coalesce(c.left_count, 0) AS "left",
       coalesce(c.joined_count, 0) AS joined, coalesce(c.renamed_count, 0) AS renamed,
       t.members AS members_after,
       round(100.0 * (f.members - coalesce(c.left_count, 0)) / f.members, 1) AS retention_pct
FROM pairs p
JOIN listed f ON f.report_id = p.from_report_id
JOIN listed t ON t.report_id = p.to_report_id
LEFT JOIN changes c ON c.from_report_id = p.from_report_id AND c.to_report_id = p.to_report_id
ORDER BY p.organization, p.from_year;
