-- Rows written before these columns keep assigned_on null; migrate() recomputes them (refreshStatusFacts missingOnly).
ALTER TABLE "assignment_status_facts" ADD COLUMN "assigned_on" date;--> statement-breakpoint
ALTER TABLE "assignment_status_facts" ADD COLUMN "reviewed_days" date[] DEFAULT '{}'::date[] NOT NULL;--> statement-breakpoint
ALTER TABLE "assignment_status_facts" ADD COLUMN "returned_days" date[] DEFAULT '{}'::date[] NOT NULL;--> statement-breakpoint
ALTER TABLE "assignment_status_facts" ADD COLUMN "last_percent" smallint;--> statement-breakpoint
ALTER TABLE "assignment_status_facts" ADD COLUMN "last_percent_on" date;--> statement-breakpoint
ALTER TABLE "assignment_status_facts" ADD COLUMN "reported_periods" date[] DEFAULT '{}'::date[] NOT NULL;--> statement-breakpoint
ALTER TABLE "assignment_status_facts" ADD COLUMN "late_periods" date[] DEFAULT '{}'::date[] NOT NULL;--> statement-breakpoint
ALTER TABLE "assignment_status_facts" ADD COLUMN "last_period_report_on" date;