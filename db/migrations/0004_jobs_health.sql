CREATE TABLE "alert_email" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"user_id" text NOT NULL,
	"kind" text NOT NULL,
	"incident_ids" jsonb NOT NULL,
	"dedupe_key" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"claimed_at" timestamp with time zone,
	"sent_at" timestamp with time zone,
	"attempts" integer DEFAULT 0 NOT NULL,
	"error" text,
	CONSTRAINT "alert_email_dedupe_key_unique" UNIQUE("dedupe_key")
);
--> statement-breakpoint
CREATE TABLE "forwarding_check" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"mailbox_id" uuid NOT NULL,
	"reason" text NOT NULL,
	"slot" timestamp with time zone NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"claimed_at" timestamp with time zone,
	"done_at" timestamp with time zone,
	"verification_id" uuid,
	"error" text,
	CONSTRAINT "forwarding_check_mailbox_slot_unique" UNIQUE("mailbox_id","reason","slot"),
	CONSTRAINT "forwarding_check_reason" CHECK ("forwarding_check"."reason" in ('schedule', 'silence'))
);
--> statement-breakpoint
CREATE TABLE "health_incident" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"mailbox_id" uuid NOT NULL,
	"cause" jsonb NOT NULL,
	"opened_at" timestamp with time zone NOT NULL,
	"resolved_at" timestamp with time zone,
	"resolution" text,
	CONSTRAINT "health_incident_resolution" CHECK (("health_incident"."resolved_at" is null) = ("health_incident"."resolution" is null))
);
--> statement-breakpoint
CREATE TABLE "mailbox_silence" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"mailbox_id" uuid NOT NULL,
	"since" timestamp with time zone NOT NULL,
	"median_gap_seconds" integer NOT NULL,
	"flagged_at" timestamp with time zone NOT NULL,
	CONSTRAINT "mailbox_silence_mailbox_since_unique" UNIQUE("mailbox_id","since")
);
--> statement-breakpoint
ALTER TABLE "alert_email" ADD CONSTRAINT "alert_email_org_id_organization_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organization"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "alert_email" ADD CONSTRAINT "alert_email_user_id_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."user"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "forwarding_check" ADD CONSTRAINT "forwarding_check_org_id_organization_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organization"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "forwarding_check" ADD CONSTRAINT "forwarding_check_verification_id_forwarding_verification_id_fk" FOREIGN KEY ("verification_id") REFERENCES "public"."forwarding_verification"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "forwarding_check" ADD CONSTRAINT "forwarding_check_mailbox_fk" FOREIGN KEY ("org_id","mailbox_id") REFERENCES "public"."mailbox"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "health_incident" ADD CONSTRAINT "health_incident_org_id_organization_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organization"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "health_incident" ADD CONSTRAINT "health_incident_mailbox_fk" FOREIGN KEY ("org_id","mailbox_id") REFERENCES "public"."mailbox"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mailbox_silence" ADD CONSTRAINT "mailbox_silence_org_id_organization_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organization"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mailbox_silence" ADD CONSTRAINT "mailbox_silence_mailbox_fk" FOREIGN KEY ("org_id","mailbox_id") REFERENCES "public"."mailbox"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "alert_email_unsent_idx" ON "alert_email" USING btree ("created_at") WHERE "alert_email"."sent_at" is null;--> statement-breakpoint
CREATE INDEX "forwarding_check_open_idx" ON "forwarding_check" USING btree ("created_at") WHERE "forwarding_check"."done_at" is null;--> statement-breakpoint
CREATE INDEX "forwarding_check_mailbox_idx" ON "forwarding_check" USING btree ("mailbox_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "health_incident_one_open" ON "health_incident" USING btree ("mailbox_id") WHERE "health_incident"."resolved_at" is null;--> statement-breakpoint
CREATE INDEX "health_incident_org_idx" ON "health_incident" USING btree ("org_id","opened_at");--> statement-breakpoint
-- Hand-written: the health facts (lib/health/find-health-facts.ts) look for a provider confirmation after the last
-- successful verification of every mailbox at each tick; only confirmations need to be found, not all mail.
CREATE INDEX IF NOT EXISTS "inbound_message_confirmation_idx" ON "inbound_message" ("mailbox_id", "received_at") WHERE "confirmation_url" IS NOT NULL;
--> statement-breakpoint
-- Customer mail only (the platform's own automatic messages never count): last customer mail and silence scan.
CREATE INDEX IF NOT EXISTS "inbound_message_customer_idx" ON "inbound_message" ("mailbox_id", "received_at") WHERE NOT "auto_submitted";
