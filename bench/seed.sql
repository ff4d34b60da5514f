-- 10 000 tasks with ids derived from their number (00000000-0000-4000-8000-<12 hex digits>), so every run, the wrk
-- id file and the pgbench script all name the same rows. 100 assignees (UBENCH000…UBENCH099) own 100 tasks each.
-- Run before each measured phase: writes from an earlier phase are removed.
SET client_min_messages = warning; -- no NOTICE for the cascade below, on every run
TRUNCATE tasks CASCADE; -- hand-offs reference tasks; the bench creates none
INSERT INTO tasks (id, title, description, assignee_user_id, creator_user_id, status, due_at, created_at, updated_at, completed_at)
SELECT ('00000000-0000-4000-8000-' || lpad(to_hex(i), 12, '0'))::uuid,
       'Bench task ' || i,
       CASE WHEN i % 3 = 0 THEN NULL ELSE 'Seeded for bench/run.sh; row ' || i END,
       'UBENCH' || lpad((i % 100)::text, 3, '0'),
       'UBENCH' || lpad(((i * 7) % 100)::text, 3, '0'),
       (ARRAY['pending', 'pending', 'in_progress', 'completed'])[1 + i % 4],
       CASE WHEN i % 5 = 0 THEN NULL ELSE now() + (i % 40 - 10) * interval '1 day' END,
       now() - (i % 1000) * interval '1 minute',
       now() - (i % 500) * interval '1 minute',
       CASE WHEN i % 4 = 3 THEN now() - interval '1 hour' END
FROM generate_series(1, 10000) AS i;
VACUUM ANALYZE tasks;
