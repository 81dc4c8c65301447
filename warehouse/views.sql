-- Views for analysts. Re-created by warehouse.load.ensure_schema (CREATE OR REPLACE).

-- Reports that list members, numbered in time order within their publisher: paired by the
-- publisher's canonical id (its acronym's slug), never by the name a design prints.
CREATE OR REPLACE VIEW member_reports AS
SELECT r.report_id, coalesce(r.publisher_id, r.organization) AS publisher, r.organization, r.year,
       row_number() OVER (PARTITION BY coalesce(r.publisher_id, r.organization)
                          ORDER BY r.year, r.report_id) AS seq
FROM reports r
WHERE coalesce(r.publisher_id, r.organization) IS NOT NULL
  AND EXISTS (SELECT 1 FROM members m WHERE m.report_id = r.report_id);

-- One row per member organization per report (the first listing when a report lists it twice).
CREATE OR REPLACE VIEW member_roster AS
SELECT report_id, org_id, name, country, country_iso3, region, member_type
FROM members
QUALIFY row_number() OVER (PARTITION BY report_id, org_id ORDER BY row_no) = 1;

-- Every known link from an old name to a new one: the curated organization_renames and the renames
-- the reports themselves state (table renames).
CREATE OR REPLACE VIEW known_renames AS
SELECT from_org_id, to_org_id, from_name, to_name, 'recorded' AS origin, NULL::VARCHAR AS report_id
FROM organization_renames
UNION ALL
SELECT DISTINCT ON (previous_org_id, org_id)
       previous_org_id, org_id, previous_name, name, 'reported', report_id
FROM renames
WHERE previous_org_id <> org_id;

-- Joined / left / renamed members between consecutive member-listing reports of one organization.
-- Members are matched by org_id (name folded + country). A respelling that folds to the same key
-- ("Le Havre" -> "Lehavre") and a rename in known_renames (recorded by hand or stated by a report)
-- are 'renamed', not left+joined.
CREATE OR REPLACE VIEW member_changes AS
WITH pairs AS (
    SELECT b.organization, a.report_id AS from_report_id, a.year AS from_year,
           b.report_id AS to_report_id, b.year AS to_year
    FROM member_reports a
    JOIN member_reports b ON b.publisher = a.publisher AND b.seq = a.seq + 1
),
joined AS (
    SELECT p.*, t.* EXCLUDE (report_id)
    FROM pairs p JOIN member_roster t ON t.report_id = p.to_report_id
    WHERE NOT EXISTS (SELECT 1 FROM member_roster f
                      WHERE f.report_id = p.from_report_id AND f.org_id = t.org_id)
),
left_ AS (
    SELECT p.*, f.* EXCLUDE (report_id)
    FROM pairs p JOIN member_roster f ON f.report_id = p.from_report_id
    WHERE NOT EXISTS (SELECT 1 FROM member_roster t
                      WHERE t.report_id = p.to_report_id AND t.org_id = f.org_id)
),
recorded AS (  -- a 'left' and a 'joined' in the same pair that known_renames links
    SELECT DISTINCT l.from_report_id, l.org_id AS from_org_id, j.org_id AS to_org_id,
           l.name AS from_name
    FROM left_ l
    JOIN known_renames x ON x.from_org_id = l.org_id
    JOIN joined j ON j.from_report_id = l.from_report_id AND j.to_report_id = l.to_report_id
                 AND j.org_id = x.to_org_id
),
respelled AS (
    SELECT p.*, t.* EXCLUDE (report_id), f.org_id AS previous_org_id, f.name AS previous_name
    FROM pairs p
    JOIN member_roster f ON f.report_id = p.from_report_id
    JOIN member_roster t ON t.report_id = p.to_report_id AND t.org_id = f.org_id
    WHERE t.name <> f.name
)
SELECT organization, from_report_id, from_year, to_report_id, to_year, 'joined' AS change,
       org_id, name, NULL::VARCHAR AS previous_org_id, NULL::VARCHAR AS previous_name,
       country, country_iso3, region, member_type
FROM joined j
WHERE NOT EXISTS (SELECT 1 FROM recorded r
                  WHERE r.from_report_id = j.from_report_id AND r.to_org_id = j.org_id)
UNION ALL
SELECT organization, from_report_id, from_year, to_report_id, to_year, 'left',
       org_id, name, NULL, NULL, country, country_iso3, region, member_type
FROM left_ l
WHERE NOT EXISTS (SELECT 1 FROM recorded r
                  WHERE r.from_report_id = l.from_report_id AND r.from_org_id = l.org_id)
UNION ALL
SELECT j.organization, j.from_report_id, j.from_year, j.to_report_id, j.to_year, 'renamed',
       j.org_id, j.name, r.from_org_id, r.from_name, j.country, j.country_iso3, j.region,
       j.member_type
FROM joined j
JOIN recorded r ON r.from_report_id = j.from_report_id AND r.to_org_id = j.org_id
UNION ALL
SELECT organization, from_report_id, from_year, to_report_id, to_year, 'renamed',
       org_id, name, previous_org_id, previous_name, country, country_iso3, region, member_type
FROM respelled
ORDER BY organization, to_year, change, member_type, name;

-- Listed members per region and report beside the count the report states for that region.
CREATE OR REPLACE VIEW members_by_region AS
WITH counted AS (
    SELECT report_id, region, count(*) AS member_count
    FROM members WHERE region IS NOT NULL GROUP BY report_id, region
),
stated AS (
    SELECT report_id, region, max(stated_count) AS stated_count
    FROM region_totals GROUP BY report_id, region
)
SELECT r.report_id, r.organization, r.year, coalesce(c.region, s.region) AS region,
       coalesce(c.member_count, 0) AS member_count, s.stated_count,
       coalesce(c.member_count, 0) - s.stated_count AS difference
FROM counted c
FULL OUTER JOIN stated s ON s.report_id = c.report_id AND s.region = c.region
JOIN reports r ON r.report_id = coalesce(c.report_id, s.report_id)
ORDER BY r.organization, r.year, region;

-- Listed members per country and report, with the ISO name.
CREATE OR REPLACE VIEW members_by_country AS
SELECT m.report_id, r.organization, r.year, m.country_iso3,
       coalesce(c.common_name, any_value(m.country)) AS country, count(*) AS member_count,
       count(*) FILTER (WHERE m.member_type = 'local_government') AS local_governments,
       count(*) FILTER (WHERE m.member_type = 'institution') AS institutions
FROM members m
JOIN reports r USING (report_id)
LEFT JOIN countries c ON c.iso3 = m.country_iso3
GROUP BY m.report_id, r.organization, r.year, m.country_iso3, c.common_name
ORDER BY r.organization, r.year, member_count DESC, country;

-- One row per member organization and publisher: when it was first and last listed.
CREATE OR REPLACE VIEW member_history AS
WITH seen AS (
    SELECT mr.publisher, t.org_id, mr.year, mr.report_id, mr.seq
    FROM member_roster t JOIN member_reports mr USING (report_id)
),
latest AS (  -- per publisher, its latest member-listing report and the name it printed there
    SELECT publisher, max(seq) AS seq, arg_max(organization, seq) AS organization
    FROM member_reports GROUP BY publisher
)
SELECT l.organization, s.org_id, o.name, o.kind, o.country_iso3, c.common_name AS country,
       min(s.year) AS first_year, max(s.year) AS last_year,
       arg_min(s.report_id, s.seq) AS first_report_id, arg_max(s.report_id, s.seq) AS last_report_id,
       count(*) AS reports_listed,
       max(s.seq) = any_value(l.seq) AS in_latest_report
FROM seen s
JOIN organizations o USING (org_id)
JOIN latest l USING (publisher)
LEFT JOIN countries c ON c.iso3 = o.country_iso3
GROUP BY s.publisher, l.organization, s.org_id, o.name, o.kind, o.country_iso3, c.common_name
ORDER BY l.organization, o.name, o.country_iso3;

-- Rows per table per report: a quick look at what each load brought in.
CREATE OR REPLACE VIEW report_summary AS
WITH counts AS (
    SELECT report_id, 'members' AS table_name, count(*) AS row_count FROM members GROUP BY ALL
    UNION ALL SELECT report_id, 'stated_totals', count(*) FROM stated_totals GROUP BY ALL
    UNION ALL SELECT report_id, 'region_totals', count(*) FROM region_totals GROUP BY ALL
    UNION ALL SELECT report_id, 'new_members', count(*) FROM new_members GROUP BY ALL
    UNION ALL SELECT report_id, 'figures', count(*) FROM figures GROUP BY ALL
    UNION ALL SELECT report_id, 'events', count(*) FROM events GROUP BY ALL
    UNION ALL SELECT report_id, 'awards', count(*) FROM awards GROUP BY ALL
    UNION ALL SELECT report_id, 'agreements', count(*) FROM agreements GROUP BY ALL
    UNION ALL SELECT report_id, 'diplomatic_countries', count(*) FROM diplomatic_countries GROUP BY ALL
    UNION ALL SELECT report_id, 'people', count(*) FROM people GROUP BY ALL
    UNION ALL SELECT report_id, 'renames', count(*) FROM renames GROUP BY ALL
    UNION ALL SELECT report_id, 'entity_mentions', count(*) FROM entity_mentions GROUP BY ALL
    UNION ALL SELECT report_id, 'reconciliation', count(*) FROM reconciliation GROUP BY ALL
    UNION ALL SELECT report_id, 'corrections', count(*) FROM corrections GROUP BY ALL
),
tables AS (
    SELECT unnest(['members', 'stated_totals', 'region_totals', 'new_members', 'figures', 'events',
                   'awards', 'agreements', 'diplomatic_countries', 'people', 'renames',
                   'entity_mentions', 'reconciliation', 'corrections']) AS table_name
)
SELECT r.report_id, r.organization, r.year, t.table_name, coalesce(c.row_count, 0) AS row_count
FROM reports r
CROSS JOIN tables t
LEFT JOIN counts c ON c.report_id = r.report_id AND c.table_name = t.table_name
ORDER BY r.organization, r.year, r.report_id, t.table_name;

-- Events per month of their start date, by kind (organized by the publisher / on partner stages).
CREATE OR REPLACE VIEW events_by_month AS
SELECT e.report_id, r.organization, r.year, date_trunc('month', e.start_date)::DATE AS month,
       e.kind, count(*) AS event_count
FROM events e JOIN reports r USING (report_id)
WHERE e.start_date IS NOT NULL
GROUP BY e.report_id, r.organization, r.year, month, e.kind
ORDER BY r.organization, month, e.kind;

-- Stated totals that the extracted records do not match, with where the total is printed.
CREATE OR REPLACE VIEW reconciliation_failures AS
SELECT x.report_id, r.organization, r.year, x.scope, x.stated, x.extracted,
       x.extracted - x.stated AS difference, x.page_number, x.source_text
FROM reconciliation x JOIN reports r USING (report_id)
WHERE x.ok = FALSE
ORDER BY r.organization, r.year, x.scope;
