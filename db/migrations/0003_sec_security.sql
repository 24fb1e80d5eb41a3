CREATE TABLE "sign_in_limit" (
	"key" text PRIMARY KEY NOT NULL,
	"attempts" integer NOT NULL,
	"window_started_at" timestamp with time zone NOT NULL,
	"locked_until" timestamp with time zone,
	CONSTRAINT "sign_in_limit_attempts" CHECK ("sign_in_limit"."attempts" >= 0),
	CONSTRAINT "sign_in_limit_key" CHECK ("sign_in_limit"."key" ~ '^[0-9a-f]{64}$')
);
--> statement-breakpoint
ALTER TABLE "mailbox" DROP CONSTRAINT "mailbox_display_name";--> statement-breakpoint
ALTER TABLE "smart_routing" ADD CONSTRAINT "smart_routing_name_no_controls" CHECK ("smart_routing"."name" !~ '[\x01-\x1f\x7f-\x9f\u2028\u2029]');--> statement-breakpoint
ALTER TABLE "mailbox" ADD CONSTRAINT "mailbox_display_name" CHECK (char_length("mailbox"."display_name") between 1 and 255 and "mailbox"."display_name" = btrim("mailbox"."display_name") and "mailbox"."display_name" !~ '[\x01-\x1f\x7f-\x9f\u2028\u2029]');--> statement-breakpoint
ALTER TABLE "queue" ADD CONSTRAINT "queue_name_no_controls" CHECK ("queue"."name" !~ '[\x01-\x1f\x7f-\x9f\u2028\u2029]');