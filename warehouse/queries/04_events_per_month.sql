-- Question: How many events took place each month, organized by the publisher and on partner
--   stages?
SELECT organization, month,
       coalesce(sum(event_count) FILTER (WHERE kind = 'organized'), 0)::BIGINT AS organized,
       coalesce(sum(event_count) FILTER (WHERE kind = 'partner'), 0)::BIGINT AS partner,
       sum(event_count)::BIGINT AS total
FROM events_by_month
GROUP BY organization, month
ORDER BY organization, month;
