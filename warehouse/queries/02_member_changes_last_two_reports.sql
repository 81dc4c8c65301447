-- Question: Which members joined, left or were renamed between the last two reports of each
--   organization?
WITH last_pair AS (
    SELECT organization, max(to_year) AS to_year FROM member_changes GROUP BY organization
)
SELECT c.organization, c.from_year, c.to_year, c.change, c.name, c.previous_name, c.country,
       c.region, c.member_type
FROM member_changes c JOIN last_pair USING (organization, to_year)
ORDER BY c.organization, c.change, c.member_type, c.region NULLS LAST, c.country, c.name;
