-- Question: Which countries have the most listed members in each organization's latest report?
-- Param top: 10
WITH latest AS (
    SELECT organization, max(year) AS year FROM members_by_country GROUP BY organization
)
SELECT organization, year, country_iso3, country, member_count, local_governments, institutions
FROM members_by_country JOIN latest USING (organization, year)
QUALIFY row_number() OVER (PARTITION BY organization ORDER BY member_count DESC, country)
        <= CAST($top AS INTEGER)
ORDER BY organization, member_count DESC, country;
