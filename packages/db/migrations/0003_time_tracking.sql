CREATE TYPE "public"."time_class" AS ENUM('planned', 'interruption');--> statement-breakpoint
CREATE TABLE "time_day_totals" (
	"organization_id" uuid NOT NULL,
	"day" date NOT NULL,
	"user_id" uuid NOT NULL,
	"item_id" uuid NOT NULL,
	"classification" time_class NOT NULL,
	"seconds" bigint NOT NULL,
	CONSTRAINT "time_day_totals_organization_id_day_user_id_item_id_classification_pk" PRIMARY KEY("organization_id","day","user_id","item_id","classification")
);
--> statement-breakpoint
CREATE TABLE "time_entries" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"item_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"started_at" timestamp with time zone NOT NULL,
	"ended_at" timestamp with time zone,
	"classification" time_class,
	"note" text DEFAULT '' NOT NULL,
	"kind" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "time_entries_kind" CHECK ("time_entries"."kind" IN ('timer', 'manual')),
	CONSTRAINT "time_entries_whole_seconds" CHECK ("time_entries"."started_at" = date_trunc('second', "time_entries"."started_at") AND "time_entries"."ended_at" = date_trunc('second', "time_entries"."ended_at")),
	CONSTRAINT "time_entries_length" CHECK ("time_entries"."ended_at" > "time_entries"."started_at" AND "time_entries"."ended_at" <= "time_entries"."started_at" + interval '24 hours'),
	CONSTRAINT "time_entries_class_when_stopped" CHECK (("time_entries"."ended_at" IS NULL) = ("time_entries"."classification" IS NULL))
);
--> statement-breakpoint
ALTER TABLE "time_day_totals" ADD CONSTRAINT "time_day_totals_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "time_day_totals" ADD CONSTRAINT "time_day_totals_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "time_day_totals" ADD CONSTRAINT "time_day_totals_item_id_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."items"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "time_entries" ADD CONSTRAINT "time_entries_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "time_entries" ADD CONSTRAINT "time_entries_item_id_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."items"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "time_entries" ADD CONSTRAINT "time_entries_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "time_day_totals_item_idx" ON "time_day_totals" USING btree ("item_id");--> statement-breakpoint
CREATE UNIQUE INDEX "time_entries_one_running_timer" ON "time_entries" USING btree ("user_id") WHERE ended_at IS NULL;--> statement-breakpoint
CREATE INDEX "time_entries_item_idx" ON "time_entries" USING btree ("item_id");--> statement-breakpoint
CREATE INDEX "time_entries_user_started_idx" ON "time_entries" USING btree ("user_id","started_at");--> statement-breakpoint
CREATE INDEX "time_entries_organization_started_idx" ON "time_entries" USING btree ("organization_id","started_at");