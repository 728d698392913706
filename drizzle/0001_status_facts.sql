CREATE TABLE "assignment_period_facts" (
	"tenant_id" uuid NOT NULL,
	"assignment_id" uuid NOT NULL,
	"period_id" uuid NOT NULL,
	"first_submitted_on" date NOT NULL,
	"last_submitted_on" date NOT NULL,
	"nothing_to_report" boolean NOT NULL,
	CONSTRAINT "assignment_period_facts_tenant_id_assignment_id_period_id_pk" PRIMARY KEY("tenant_id","assignment_id","period_id")
);
--> statement-breakpoint
CREATE TABLE "assignment_status_facts" (
	"tenant_id" uuid NOT NULL,
	"assignment_id" uuid NOT NULL,
	"task_id" uuid NOT NULL,
	"plan_id" uuid NOT NULL,
	"section_id" uuid,
	"agency_id" uuid NOT NULL,
	"role" "assignment_role" NOT NULL,
	"deadline_kind" "deadline_kind" NOT NULL,
	"live" boolean NOT NULL,
	"original_due_on" date,
	"due_on" date,
	"due_changed_on" date,
	"due_history" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"completion_submitted_on" date,
	"completion_approved_on" date,
	"first_reported_on" date,
	"last_reported_on" date,
	"report_count" integer DEFAULT 0 NOT NULL,
	"refreshed_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "assignment_status_facts_tenant_id_assignment_id_pk" PRIMARY KEY("tenant_id","assignment_id")
);
--> statement-breakpoint
ALTER TABLE "assignment_period_facts" ADD CONSTRAINT "assignment_period_facts_tenant_id_assignment_id_assignments_tenant_id_id_fk" FOREIGN KEY ("tenant_id","assignment_id") REFERENCES "public"."assignments"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assignment_period_facts" ADD CONSTRAINT "assignment_period_facts_tenant_id_period_id_reporting_periods_tenant_id_id_fk" FOREIGN KEY ("tenant_id","period_id") REFERENCES "public"."reporting_periods"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assignment_status_facts" ADD CONSTRAINT "assignment_status_facts_tenant_id_assignment_id_assignments_tenant_id_id_fk" FOREIGN KEY ("tenant_id","assignment_id") REFERENCES "public"."assignments"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "assignment_period_facts_period_idx" ON "assignment_period_facts" USING btree ("tenant_id","period_id");--> statement-breakpoint
CREATE INDEX "assignment_status_facts_plan_idx" ON "assignment_status_facts" USING btree ("tenant_id","plan_id","role");--> statement-breakpoint
CREATE INDEX "assignment_status_facts_task_idx" ON "assignment_status_facts" USING btree ("tenant_id","task_id","role");--> statement-breakpoint
CREATE INDEX "assignment_status_facts_agency_idx" ON "assignment_status_facts" USING btree ("tenant_id","agency_id","role");--> statement-breakpoint
CREATE INDEX "assignment_status_facts_due_idx" ON "assignment_status_facts" USING btree ("tenant_id","due_on");--> statement-breakpoint
CREATE INDEX "deadline_changes_assignment_idx" ON "deadline_changes" USING btree ("tenant_id","assignment_id");