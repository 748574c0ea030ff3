-- Every committed write to a RyTask table announces itself on the channel rytask_changes, with the
-- table's name as payload (PostgreSQL sends one notification per table per transaction, and none
-- for a transaction that rolls back). The api keeps signed-in callers and item lists in memory and
-- forgets them all on any notification, so a change made by another process — the worker, a
-- command, a second api, a hand edit — is never served stale for longer than the notification
-- takes to arrive. Every table the schema adds later needs the same trigger (a test checks it).
CREATE FUNCTION "public"."rytask_notify_change"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('rytask_changes', TG_TABLE_NAME);
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER "rytask_notify_change" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "public"."organizations" FOR EACH STATEMENT EXECUTE FUNCTION "public"."rytask_notify_change"();
--> statement-breakpoint
CREATE TRIGGER "rytask_notify_change" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "public"."users" FOR EACH STATEMENT EXECUTE FUNCTION "public"."rytask_notify_change"();
--> statement-breakpoint
CREATE TRIGGER "rytask_notify_change" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "public"."memberships" FOR EACH STATEMENT EXECUTE FUNCTION "public"."rytask_notify_change"();
--> statement-breakpoint
CREATE TRIGGER "rytask_notify_change" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "public"."sessions" FOR EACH STATEMENT EXECUTE FUNCTION "public"."rytask_notify_change"();
--> statement-breakpoint
CREATE TRIGGER "rytask_notify_change" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "public"."seed_ledger" FOR EACH STATEMENT EXECUTE FUNCTION "public"."rytask_notify_change"();
--> statement-breakpoint
CREATE TRIGGER "rytask_notify_change" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "public"."login_attempts" FOR EACH STATEMENT EXECUTE FUNCTION "public"."rytask_notify_change"();
--> statement-breakpoint
CREATE TRIGGER "rytask_notify_change" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "public"."access_tokens" FOR EACH STATEMENT EXECUTE FUNCTION "public"."rytask_notify_change"();
--> statement-breakpoint
CREATE TRIGGER "rytask_notify_change" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "public"."invites" FOR EACH STATEMENT EXECUTE FUNCTION "public"."rytask_notify_change"();
--> statement-breakpoint
CREATE TRIGGER "rytask_notify_change" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "public"."projects" FOR EACH STATEMENT EXECUTE FUNCTION "public"."rytask_notify_change"();
--> statement-breakpoint
CREATE TRIGGER "rytask_notify_change" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "public"."statuses" FOR EACH STATEMENT EXECUTE FUNCTION "public"."rytask_notify_change"();
--> statement-breakpoint
CREATE TRIGGER "rytask_notify_change" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "public"."labels" FOR EACH STATEMENT EXECUTE FUNCTION "public"."rytask_notify_change"();
--> statement-breakpoint
CREATE TRIGGER "rytask_notify_change" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "public"."items" FOR EACH STATEMENT EXECUTE FUNCTION "public"."rytask_notify_change"();
--> statement-breakpoint
CREATE TRIGGER "rytask_notify_change" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "public"."item_labels" FOR EACH STATEMENT EXECUTE FUNCTION "public"."rytask_notify_change"();
--> statement-breakpoint
CREATE TRIGGER "rytask_notify_change" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "public"."comments" FOR EACH STATEMENT EXECUTE FUNCTION "public"."rytask_notify_change"();
--> statement-breakpoint
CREATE TRIGGER "rytask_notify_change" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "public"."item_activity" FOR EACH STATEMENT EXECUTE FUNCTION "public"."rytask_notify_change"();
--> statement-breakpoint
CREATE TRIGGER "rytask_notify_change" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "public"."item_watchers" FOR EACH STATEMENT EXECUTE FUNCTION "public"."rytask_notify_change"();
--> statement-breakpoint
CREATE TRIGGER "rytask_notify_change" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "public"."notifications" FOR EACH STATEMENT EXECUTE FUNCTION "public"."rytask_notify_change"();
--> statement-breakpoint
CREATE TRIGGER "rytask_notify_change" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "public"."saved_views" FOR EACH STATEMENT EXECUTE FUNCTION "public"."rytask_notify_change"();
--> statement-breakpoint
CREATE TRIGGER "rytask_notify_change" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "public"."time_entries" FOR EACH STATEMENT EXECUTE FUNCTION "public"."rytask_notify_change"();
--> statement-breakpoint
CREATE TRIGGER "rytask_notify_change" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "public"."time_day_totals" FOR EACH STATEMENT EXECUTE FUNCTION "public"."rytask_notify_change"();
