-- The annual-reports warehouse: tables. Idempotent (CREATE ... IF NOT EXISTS); views are in views.sql.
--
-- Dimension tables: reports, countries, organizations, organization_renames.
-- Fact tables (one set of rows per report, replaced as a whole by warehouse.load.replace_report):
--   every one has report_id, row_no (1-based order in the report's extraction; PRIMARY KEY
--   (report_id, row_no)) and the provenance columns
--   page_number (1-based), bbox_x0, bbox_top, bbox_x1, bbox_bottom (PDF points, origin top-left;
--   NULL when the words have no box), source_text (the words as printed).
-- Foreign keys are documented, not declared: DuckDB's FOREIGN KEY forbids the DELETE + INSERT that
-- replaces a report inside one transaction.

CREATE TABLE IF NOT EXISTS reports (
    report_id         VARCHAR PRIMARY KEY,  -- e.g. 'wego-2021'
    organization      VARCHAR,              -- the publisher, as read from the report
    year              INTEGER,              -- the year the report covers
    title             VARCHAR,
    source_file       VARCHAR NOT NULL,     -- file name the report was read from
    sha256            VARCHAR NOT NULL,     -- of the file's bytes
    page_count        INTEGER NOT NULL,
    ingested_at       TIMESTAMP NOT NULL,   -- UTC, when this report's rows were (re)loaded
    extractor_version VARCHAR NOT NULL
);
-- added later (a warehouse made before gets them on its next load)
ALTER TABLE reports ADD COLUMN IF NOT EXISTS publisher_id VARCHAR;  -- canonical: 'wego'
ALTER TABLE reports ADD COLUMN IF NOT EXISTS acronym VARCHAR;       -- as the report defines it
-- of the corrections file applied (corrections/<report_id>.yaml); NULL: none
ALTER TABLE reports ADD COLUMN IF NOT EXISTS corrections_sha256 VARCHAR;

CREATE TABLE IF NOT EXISTS countries (
    iso3        VARCHAR PRIMARY KEY,  -- ISO 3166-1 alpha-3; 'XKX' for Kosovo
    iso2        VARCHAR NOT NULL,     -- ISO 3166-1 alpha-2; 'XK' for Kosovo
    name        VARCHAR NOT NULL,     -- ISO short name, e.g. 'Korea, Republic of'
    common_name VARCHAR NOT NULL      -- everyday name where ISO has one, e.g. 'South Korea'
);

CREATE TABLE IF NOT EXISTS organizations (
    org_id       VARCHAR PRIMARY KEY,  -- warehouse.orgs.org_id(name, country_iso3)
    name         VARCHAR NOT NULL,     -- as printed in the latest report that lists it
    kind         VARCHAR NOT NULL CHECK (kind IN ('local_government', 'institution', 'corporation')),
    country_iso3 VARCHAR
);

CREATE TABLE IF NOT EXISTS organization_renames (
    from_org_id VARCHAR PRIMARY KEY,  -- the organization under its old name
    to_org_id   VARCHAR NOT NULL,     -- the same organization under its new name
    from_name   VARCHAR NOT NULL,
    to_name     VARCHAR NOT NULL,
    note        VARCHAR,
    CHECK (from_org_id <> to_org_id)
);

CREATE TABLE IF NOT EXISTS members (
    report_id    VARCHAR NOT NULL,
    row_no       INTEGER NOT NULL,
    org_id       VARCHAR NOT NULL,
    name         VARCHAR NOT NULL,
    country      VARCHAR,             -- as written in the report
    country_iso3 VARCHAR,
    region       VARCHAR,             -- the report's region heading; NULL for institutions
    member_type  VARCHAR NOT NULL CHECK (member_type IN ('local_government', 'institution', 'corporation')),
    page_number  INTEGER NOT NULL, bbox_x0 DOUBLE, bbox_top DOUBLE, bbox_x1 DOUBLE, bbox_bottom DOUBLE,
    source_text  VARCHAR NOT NULL,
    PRIMARY KEY (report_id, row_no)
);

CREATE TABLE IF NOT EXISTS stated_totals (
    report_id   VARCHAR NOT NULL,
    row_no      INTEGER NOT NULL,
    scope       VARCHAR NOT NULL,  -- 'members.total', 'members.local_governments', ...
    value       BIGINT NOT NULL,
    page_number INTEGER NOT NULL, bbox_x0 DOUBLE, bbox_top DOUBLE, bbox_x1 DOUBLE, bbox_bottom DOUBLE,
    source_text VARCHAR NOT NULL,
    PRIMARY KEY (report_id, row_no)
);

CREATE TABLE IF NOT EXISTS region_totals (
    report_id    VARCHAR NOT NULL,
    row_no       INTEGER NOT NULL,
    region       VARCHAR NOT NULL,
    stated_count INTEGER NOT NULL,
    page_number  INTEGER NOT NULL, bbox_x0 DOUBLE, bbox_top DOUBLE, bbox_x1 DOUBLE, bbox_bottom DOUBLE,
    source_text  VARCHAR NOT NULL,
    PRIMARY KEY (report_id, row_no)
);

CREATE TABLE IF NOT EXISTS new_members (
    report_id    VARCHAR NOT NULL,
    row_no       INTEGER NOT NULL,
    org_id       VARCHAR NOT NULL,
    name         VARCHAR NOT NULL,
    country      VARCHAR,
    country_iso3 VARCHAR,
    kind         VARCHAR NOT NULL CHECK (kind IN ('local_government', 'institution', 'corporation')),
    area_km2     DOUBLE,
    population   BIGINT,
    leader_title VARCHAR,
    leader_name  VARCHAR,
    page_number  INTEGER NOT NULL, bbox_x0 DOUBLE, bbox_top DOUBLE, bbox_x1 DOUBLE, bbox_bottom DOUBLE,
    source_text  VARCHAR NOT NULL,
    PRIMARY KEY (report_id, row_no)
);

CREATE TABLE IF NOT EXISTS figures (
    report_id   VARCHAR NOT NULL,
    row_no      INTEGER NOT NULL,
    label       VARCHAR NOT NULL,
    value       DOUBLE NOT NULL,
    unit        VARCHAR,           -- e.g. '%'
    qualifier   VARCHAR,           -- '+', 'over', 'more than'
    page_number INTEGER NOT NULL, bbox_x0 DOUBLE, bbox_top DOUBLE, bbox_x1 DOUBLE, bbox_bottom DOUBLE,
    source_text VARCHAR NOT NULL,
    PRIMARY KEY (report_id, row_no)
);

CREATE TABLE IF NOT EXISTS events (
    report_id   VARCHAR NOT NULL,
    row_no      INTEGER NOT NULL,
    kind        VARCHAR NOT NULL CHECK (kind IN ('organized', 'partner')),
    name        VARCHAR NOT NULL,
    start_date  DATE,
    end_date    DATE,
    theme       VARCHAR,           -- partner events only
    organizer   VARCHAR,           -- partner events only; NULL = the publisher
    page_number INTEGER NOT NULL, bbox_x0 DOUBLE, bbox_top DOUBLE, bbox_x1 DOUBLE, bbox_bottom DOUBLE,
    source_text VARCHAR NOT NULL,
    PRIMARY KEY (report_id, row_no),
    CHECK (end_date >= start_date)
);

CREATE TABLE IF NOT EXISTS awards (
    report_id   VARCHAR NOT NULL,
    row_no      INTEGER NOT NULL,
    category    VARCHAR NOT NULL,
    level       VARCHAR NOT NULL,  -- 'gold', 'silver', 'special_mention', ...
    city        VARCHAR NOT NULL,
    project     VARCHAR,
    page_number INTEGER NOT NULL, bbox_x0 DOUBLE, bbox_top DOUBLE, bbox_x1 DOUBLE, bbox_bottom DOUBLE,
    source_text VARCHAR NOT NULL,
    PRIMARY KEY (report_id, row_no)
);

CREATE TABLE IF NOT EXISTS agreements (
    report_id   VARCHAR NOT NULL,
    row_no      INTEGER NOT NULL,
    partner     VARCHAR NOT NULL,
    signed_date DATE,
    page_number INTEGER NOT NULL, bbox_x0 DOUBLE, bbox_top DOUBLE, bbox_x1 DOUBLE, bbox_bottom DOUBLE,
    source_text VARCHAR NOT NULL,
    PRIMARY KEY (report_id, row_no)
);

CREATE TABLE IF NOT EXISTS diplomatic_countries (
    report_id    VARCHAR NOT NULL,
    row_no       INTEGER NOT NULL,
    name         VARCHAR NOT NULL,
    country_iso3 VARCHAR,
    page_number  INTEGER NOT NULL, bbox_x0 DOUBLE, bbox_top DOUBLE, bbox_x1 DOUBLE, bbox_bottom DOUBLE,
    source_text  VARCHAR NOT NULL,
    PRIMARY KEY (report_id, row_no)
);

CREATE TABLE IF NOT EXISTS people (
    report_id    VARCHAR NOT NULL,
    row_no       INTEGER NOT NULL,
    name         VARCHAR NOT NULL,
    title        VARCHAR,
    organization VARCHAR,
    page_number  INTEGER NOT NULL, bbox_x0 DOUBLE, bbox_top DOUBLE, bbox_x1 DOUBLE, bbox_bottom DOUBLE,
    source_text  VARCHAR NOT NULL,
    PRIMARY KEY (report_id, row_no)
);

CREATE TABLE IF NOT EXISTS renames (  -- renames the report itself states ("Hue, formerly Thua Thien Hue")
    report_id       VARCHAR NOT NULL,
    row_no          INTEGER NOT NULL,
    org_id          VARCHAR NOT NULL,  -- the member under its new name
    name            VARCHAR NOT NULL,
    previous_org_id VARCHAR NOT NULL,  -- the same member under the name it had
    previous_name   VARCHAR NOT NULL,
    country_iso3    VARCHAR,           -- of the member listed under either name in this report
    page_number     INTEGER NOT NULL, bbox_x0 DOUBLE, bbox_top DOUBLE, bbox_x1 DOUBLE, bbox_bottom DOUBLE,
    source_text     VARCHAR NOT NULL,
    PRIMARY KEY (report_id, row_no)
);

CREATE TABLE IF NOT EXISTS entity_mentions (
    report_id    VARCHAR NOT NULL,
    row_no       INTEGER NOT NULL,
    text         VARCHAR NOT NULL,  -- the entity as written
    label        VARCHAR NOT NULL,  -- spaCy label: GPE, ORG, PERSON, DATE, ...
    sentence     VARCHAR,
    country_iso3 VARCHAR,           -- GPE mentions that name a country
    page_number  INTEGER NOT NULL, bbox_x0 DOUBLE, bbox_top DOUBLE, bbox_x1 DOUBLE, bbox_bottom DOUBLE,
    source_text  VARCHAR NOT NULL,
    PRIMARY KEY (report_id, row_no)
);

CREATE TABLE IF NOT EXISTS reconciliation (
    report_id   VARCHAR NOT NULL,
    row_no      INTEGER NOT NULL,
    scope       VARCHAR NOT NULL,  -- what was counted, e.g. 'members.region.Africa'
    stated      BIGINT NOT NULL,   -- the count the report states
    extracted   BIGINT NOT NULL,   -- the records extracted for that scope
    ok          BOOLEAN,           -- NULL: nothing listed to compare with
    page_number INTEGER NOT NULL, bbox_x0 DOUBLE, bbox_top DOUBLE, bbox_x1 DOUBLE, bbox_bottom DOUBLE,
    source_text VARCHAR NOT NULL,
    PRIMARY KEY (report_id, row_no)
);

-- Every fact table above also has, last (added so that a warehouse made before gets them too):
--   source ('rules', or 'correction': added or edited by the report's corrections file) and
--   correction (that correction's file and line, 'corrections/<report_id>.yaml:12'; else NULL)
ALTER TABLE members ADD COLUMN IF NOT EXISTS source VARCHAR DEFAULT 'rules';
ALTER TABLE members ADD COLUMN IF NOT EXISTS correction VARCHAR;
ALTER TABLE stated_totals ADD COLUMN IF NOT EXISTS source VARCHAR DEFAULT 'rules';
ALTER TABLE stated_totals ADD COLUMN IF NOT EXISTS correction VARCHAR;
ALTER TABLE region_totals ADD COLUMN IF NOT EXISTS source VARCHAR DEFAULT 'rules';
ALTER TABLE region_totals ADD COLUMN IF NOT EXISTS correction VARCHAR;
ALTER TABLE new_members ADD COLUMN IF NOT EXISTS source VARCHAR DEFAULT 'rules';
ALTER TABLE new_members ADD COLUMN IF NOT EXISTS correction VARCHAR;
ALTER TABLE figures ADD COLUMN IF NOT EXISTS source VARCHAR DEFAULT 'rules';
ALTER TABLE figures ADD COLUMN IF NOT EXISTS correction VARCHAR;
ALTER TABLE events ADD COLUMN IF NOT EXISTS source VARCHAR DEFAULT 'rules';
ALTER TABLE events ADD COLUMN IF NOT EXISTS correction VARCHAR;
ALTER TABLE awards ADD COLUMN IF NOT EXISTS source VARCHAR DEFAULT 'rules';
ALTER TABLE awards ADD COLUMN IF NOT EXISTS correction VARCHAR;
ALTER TABLE agreements ADD COLUMN IF NOT EXISTS source VARCHAR DEFAULT 'rules';
ALTER TABLE agreements ADD COLUMN IF NOT EXISTS correction VARCHAR;
ALTER TABLE diplomatic_countries ADD COLUMN IF NOT EXISTS source VARCHAR DEFAULT 'rules';
ALTER TABLE diplomatic_countries ADD COLUMN IF NOT EXISTS correction VARCHAR;
ALTER TABLE people ADD COLUMN IF NOT EXISTS source VARCHAR DEFAULT 'rules';
ALTER TABLE people ADD COLUMN IF NOT EXISTS correction VARCHAR;
ALTER TABLE renames ADD COLUMN IF NOT EXISTS source VARCHAR DEFAULT 'rules';
ALTER TABLE renames ADD COLUMN IF NOT EXISTS correction VARCHAR;
ALTER TABLE entity_mentions ADD COLUMN IF NOT EXISTS source VARCHAR DEFAULT 'rules';
ALTER TABLE entity_mentions ADD COLUMN IF NOT EXISTS correction VARCHAR;
ALTER TABLE reconciliation ADD COLUMN IF NOT EXISTS source VARCHAR DEFAULT 'rules';
ALTER TABLE reconciliation ADD COLUMN IF NOT EXISTS correction VARCHAR;

-- what each entry of a report's corrections file did: added, dropped (the record as it was),
-- edited (the fields before and after), accepted a mismatch; 'stale' when it matched nothing
CREATE TABLE IF NOT EXISTS corrections (
    report_id   VARCHAR NOT NULL,
    row_no      INTEGER NOT NULL,
    action      VARCHAR NOT NULL CHECK (action IN ('add', 'drop', 'edit', 'accept')),
    record_type VARCHAR NOT NULL,  -- 'members', ...; the check name for 'accept'
    record_key  VARCHAR,           -- the record's key; the reconciliation scope for 'accept'
    status      VARCHAR NOT NULL CHECK (status IN ('applied', 'stale')),
    detail      VARCHAR,
    reason      VARCHAR,           -- as the reviewer wrote it
    correction  VARCHAR NOT NULL,  -- 'corrections/<report_id>.yaml:LINE'
    page_number INTEGER,
    source_text VARCHAR,
    PRIMARY KEY (report_id, row_no)
);

-- every file ever seen by a run, one row per run: which file a report is built from, and what it
-- replaced. outcome: 'ingested' (first load of its report id), 'replaced' (a new version of a
-- report already loaded; previous_file names the one it replaced), 'superseded' (a version older,
-- by modification time, than the file the report is loaded from: not loaded), 'quarantined'
CREATE TABLE IF NOT EXISTS report_files (
    file          VARCHAR NOT NULL,    -- file name in the reports folder
    sha256        VARCHAR NOT NULL,
    size_bytes    BIGINT,
    modified_at   TIMESTAMP,           -- UTC, the file's modification time
    report_id     VARCHAR,             -- the report it read as (NULL when it could not be read)
    outcome       VARCHAR NOT NULL,
    previous_file VARCHAR,             -- 'replaced': the file the report was loaded from before
    detail        VARCHAR,
    run_id        VARCHAR,             -- the Dagster run
    "at"          TIMESTAMP NOT NULL   -- UTC
);

CREATE TABLE IF NOT EXISTS quarantine (
    file    VARCHAR NOT NULL,    -- name of the file that could not be ingested
    sha256  VARCHAR NOT NULL,
    reason  VARCHAR NOT NULL,    -- extractors.errors.Reason: 'not_pdf', 'no_text', 'timeout', ...
    message VARCHAR,
    "at"    TIMESTAMP NOT NULL,  -- UTC (a keyword: quote it), the latest time this file failed
    PRIMARY KEY (file, sha256)
);
