-- Question: Which headline figures did each report give, year by year?
SELECT r.organization, r.year, f.label, f.value, f.unit, f.qualifier, f.page_number
FROM figures f JOIN reports r USING (report_id)
ORDER BY r.organization, r.year, f.row_no;
