-- The due date in force on a day before an assignment's latest approved deadline change: the
-- latest change approved by then (ties: the later decision), else the plan's original date.
-- A function rather than an inline subquery so that the status expressions of
-- src/queries/statusSql.ts stay cheap to plan; only that rare branch ever calls it.
CREATE OR REPLACE FUNCTION dondoc_due_in_history(history jsonb, original date, as_of date) RETURNS date
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT coalesce((
    SELECT (h.e->>'due')::date
    FROM jsonb_array_elements(history) WITH ORDINALITY AS h(e, n)
    WHERE (h.e->>'on')::date <= as_of
    ORDER BY (h.e->>'on')::date DESC, h.n DESC
    LIMIT 1), original)
$$;
