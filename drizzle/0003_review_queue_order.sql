DROP INDEX "progress_reports_state_idx";--> statement-breakpoint
CREATE INDEX "progress_reports_queue_idx" ON "progress_reports" USING btree ("tenant_id","state","submitted_at","id");