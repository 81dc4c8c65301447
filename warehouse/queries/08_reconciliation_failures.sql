-- Question: Which totals stated in a report do the extracted records not match (and where is the
--   total printed, to check by hand)?
SELECT organization, year, scope, stated, extracted, difference, page_number, source_text
FROM reconciliation_failures
ORDER BY organization, year, scope;
