-- The yardstick for GET /api/v1/tasks/{id}: the same row by primary key, as the API's SELECT reads it.
-- Ids follow bench/seed.sql; pgbench can only make numbers, so the uuid is built from one.
\set n random(1, 10000)
SELECT id, title, description, assignee_user_id, creator_user_id, status, due_at, created_at, updated_at, completed_at
FROM tasks WHERE id = ('00000000-0000-4000-8000-' || lpad(to_hex(:n::integer), 12, '0'))::uuid;
