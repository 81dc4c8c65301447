-- Question: How many members does each region have in each report year, and does the listed
--   count match the count the report states for the region?
SELECT organization, year, region, member_count, stated_count, difference
FROM members_by_region
ORDER BY organization, year, region;
