-- Indexes for the item list's sorts within a project (priority, due date, updated, created): a page
-- of a 10,000-item project reads one page of an index instead of sorting the whole project.
-- rytask:acknowledge require-concurrent-index-creation -- items arrived in 0001 in this same unreleased version, so on every install the table is empty or nearly so when these build
CREATE INDEX "items_project_priority_idx" ON "items" USING btree ("project_id","priority","number");--> statement-breakpoint
CREATE INDEX "items_project_due_idx" ON "items" USING btree ("project_id",coalesce("due_date", 'infinity'::date),"number");--> statement-breakpoint
CREATE INDEX "items_project_updated_idx" ON "items" USING btree ("project_id","updated_at");--> statement-breakpoint
CREATE INDEX "items_project_created_idx" ON "items" USING btree ("project_id","created_at");