-- Question: With which partners did the organization sign agreements (MOUs), and when?
SELECT r.organization, r.year, a.signed_date, a.partner, a.page_number
FROM agreements a JOIN reports r USING (report_id)
ORDER BY r.organization, r.year, a.signed_date NULLS LAST, a.partner;
