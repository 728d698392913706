ALTER TABLE "audit_log" ADD COLUMN "seq" bigint DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "audit_log" ADD COLUMN "prev_hash" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "audit_log" ADD COLUMN "hash" text DEFAULT '' NOT NULL;--> statement-breakpoint
-- Custom SQL below (docs/decisions/0011-audit-chain.md). The canonical text of a row is written
-- once here; src/queries/auditChain.ts repeats it in JavaScript for `dondoc audit verify`, and a
-- test keeps the two equal. Each field is its UTF-8 byte length, ':' and its text (or '~' for
-- null), so that no value can shift a separator; the time is UTC with microseconds and jsonb's
-- own text (key order and spacing fixed by PostgreSQL), so the text depends on no session setting.
CREATE FUNCTION audit_log_field(value text) RETURNS text LANGUAGE sql IMMUTABLE AS $$
  SELECT CASE WHEN value IS NULL THEN '~' ELSE octet_length(value)::text || ':' || value END
$$;--> statement-breakpoint
CREATE FUNCTION audit_log_canonical(r audit_log) RETURNS text LANGUAGE sql STABLE AS $$
  SELECT concat_ws('|',
    r.prev_hash,
    audit_log_field(r.tenant_id::text),
    audit_log_field(r.seq::text),
    audit_log_field(to_char(r.at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')),
    audit_log_field(r.actor_user_id::text),
    audit_log_field(r.actor_label),
    audit_log_field(r.action),
    audit_log_field(r.entity_type),
    audit_log_field(r.entity_id),
    audit_log_field(r.before::text),
    audit_log_field(r.after::text),
    audit_log_field(r.ip),
    audit_log_field(r.user_agent),
    audit_log_field(r.request_id))
$$;--> statement-breakpoint
CREATE FUNCTION audit_log_hash(r audit_log) RETURNS text LANGUAGE sql STABLE AS $$
  SELECT encode(sha256(convert_to(audit_log_canonical(r), 'UTF8')), 'hex')
$$;--> statement-breakpoint
-- Rows written before the chain existed are chained in the order they were written.
DO $$
DECLARE
  r record;
  current_tenant uuid;
  previous text;
  n bigint;
BEGIN
  FOR r IN SELECT tenant_id, id FROM audit_log ORDER BY tenant_id, at, id LOOP
    IF current_tenant IS DISTINCT FROM r.tenant_id THEN
      current_tenant := r.tenant_id;
      previous := repeat('0', 64);
      n := 0;
    END IF;
    n := n + 1;
    UPDATE audit_log SET seq = n, prev_hash = previous WHERE tenant_id = r.tenant_id AND id = r.id;
    UPDATE audit_log a SET hash = audit_log_hash(a) WHERE a.tenant_id = r.tenant_id AND a.id = r.id
      RETURNING a.hash INTO previous;
  END LOOP;
END
$$;--> statement-breakpoint
CREATE UNIQUE INDEX "audit_log_chain_idx" ON "audit_log" USING btree ("tenant_id","seq");--> statement-breakpoint
-- Every insert takes the next place in its tenant's chain. The advisory lock is held until the
-- transaction ends, so a tenant's audit writes are serialised: the next writer reads the last
-- row only once it has committed (or rolled back), and the chain has no gap and no fork.
CREATE FUNCTION audit_log_chain() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  last_seq bigint;
  last_hash text;
BEGIN
  PERFORM pg_advisory_xact_lock(hashtextextended('audit_log:' || NEW.tenant_id::text, 0));
  SELECT seq, hash INTO last_seq, last_hash FROM audit_log
    WHERE tenant_id = NEW.tenant_id ORDER BY seq DESC LIMIT 1;
  NEW.seq := coalesce(last_seq, 0) + 1;
  NEW.prev_hash := coalesce(last_hash, repeat('0', 64));
  NEW.hash := audit_log_hash(NEW);
  RETURN NEW;
END
$$;--> statement-breakpoint
CREATE TRIGGER audit_log_chain BEFORE INSERT ON audit_log FOR EACH ROW EXECUTE FUNCTION audit_log_chain();--> statement-breakpoint
CREATE FUNCTION audit_log_refuse() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_log is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
END
$$;--> statement-breakpoint
CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log FOR EACH ROW EXECUTE FUNCTION audit_log_refuse();--> statement-breakpoint
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log FOR EACH STATEMENT EXECUTE FUNCTION audit_log_refuse();
