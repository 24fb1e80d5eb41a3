CREATE TABLE "demo_dns_record" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"name" text NOT NULL,
	"type" text NOT NULL,
	"value" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "demo_dns_record_unique" UNIQUE("org_id","name","type","value")
);
--> statement-breakpoint
CREATE TABLE "domain_alert_email" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"domain_id" uuid NOT NULL,
	"user_id" text NOT NULL,
	"kind" text NOT NULL,
	"dedupe_key" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"claimed_at" timestamp with time zone,
	"sent_at" timestamp with time zone,
	"attempts" integer DEFAULT 0 NOT NULL,
	"error" text,
	CONSTRAINT "domain_alert_email_dedupe_key_unique" UNIQUE("dedupe_key"),
	CONSTRAINT "domain_alert_email_kind" CHECK ("domain_alert_email"."kind" in ('broken', 'recovered'))
);
--> statement-breakpoint
CREATE TABLE "domain_dkim_key" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"domain_id" uuid NOT NULL,
	"selector" text NOT NULL,
	"public_key" text NOT NULL,
	"private_key_enc" text NOT NULL,
	"key_check" text NOT NULL,
	"state" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"verified_at" timestamp with time zone,
	"retired_at" timestamp with time zone,
	CONSTRAINT "domain_dkim_key_selector_unique" UNIQUE("domain_id","selector"),
	CONSTRAINT "domain_dkim_key_state" CHECK ("domain_dkim_key"."state" in ('active', 'pending', 'retired')),
	CONSTRAINT "domain_dkim_key_selector_format" CHECK ("domain_dkim_key"."selector" ~ '^[a-z0-9][a-z0-9-]{0,62}$')
);
--> statement-breakpoint
CREATE TABLE "domain_sending" (
	"domain_id" uuid PRIMARY KEY NOT NULL,
	"org_id" uuid NOT NULL,
	"state" text DEFAULT 'not_set_up' NOT NULL,
	"waiting_since" timestamp with time zone,
	"last_checked_at" timestamp with time zone,
	"last_success_at" timestamp with time zone,
	"failures_in_row" integer DEFAULT 0 NOT NULL,
	"at_risk_since" timestamp with time zone,
	"broken_since" timestamp with time zone,
	"records" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"next_check_at" timestamp with time zone,
	"claimed_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "domain_sending_state" CHECK ("domain_sending"."state" in ('not_set_up', 'waiting', 'ready', 'at_risk', 'broken')),
	CONSTRAINT "domain_sending_failures" CHECK ("domain_sending"."failures_in_row" >= 0)
);
--> statement-breakpoint
CREATE TABLE "sending_message" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"mailbox_id" uuid,
	"domain_id" uuid,
	"recipient" text NOT NULL,
	"actor_id" text,
	"sent_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "demo_dns_record" ADD CONSTRAINT "demo_dns_record_org_id_organization_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organization"("id") ON DELETE cascade ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "domain_alert_email" ADD CONSTRAINT "domain_alert_email_org_id_organization_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organization"("id") ON DELETE cascade ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "domain_alert_email" ADD CONSTRAINT "domain_alert_email_user_id_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."user"("id") ON DELETE cascade ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "domain_alert_email" ADD CONSTRAINT "domain_alert_email_domain_fk" FOREIGN KEY ("org_id","domain_id") REFERENCES "public"."email_domain"("org_id","id") ON DELETE cascade ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "domain_dkim_key" ADD CONSTRAINT "domain_dkim_key_org_id_organization_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organization"("id") ON DELETE cascade ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "domain_dkim_key" ADD CONSTRAINT "domain_dkim_key_domain_fk" FOREIGN KEY ("org_id","domain_id") REFERENCES "public"."email_domain"("org_id","id") ON DELETE cascade ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "domain_sending" ADD CONSTRAINT "domain_sending_org_id_organization_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organization"("id") ON DELETE cascade ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "domain_sending" ADD CONSTRAINT "domain_sending_domain_fk" FOREIGN KEY ("org_id","domain_id") REFERENCES "public"."email_domain"("org_id","id") ON DELETE cascade ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "sending_message" ADD CONSTRAINT "sending_message_org_id_organization_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organization"("id") ON DELETE cascade ON UPDATE no action;
--> statement-breakpoint
CREATE INDEX "demo_dns_record_name_idx" ON "demo_dns_record" USING btree ("org_id","name");
--> statement-breakpoint
CREATE INDEX "domain_alert_email_unsent_idx" ON "domain_alert_email" USING btree ("created_at") WHERE "domain_alert_email"."sent_at" is null;
--> statement-breakpoint
CREATE UNIQUE INDEX "domain_dkim_key_one_active" ON "domain_dkim_key" USING btree ("domain_id") WHERE "domain_dkim_key"."state" = 'active';
--> statement-breakpoint
CREATE UNIQUE INDEX "domain_dkim_key_one_pending" ON "domain_dkim_key" USING btree ("domain_id") WHERE "domain_dkim_key"."state" = 'pending';
--> statement-breakpoint
CREATE INDEX "domain_sending_due_idx" ON "domain_sending" USING btree ("next_check_at") WHERE "domain_sending"."state" in ('waiting', 'ready', 'at_risk');
--> statement-breakpoint
CREATE INDEX "sending_message_org_idx" ON "sending_message" USING btree ("org_id","sent_at");
--> statement-breakpoint
CREATE INDEX "sending_message_recipient_idx" ON "sending_message" USING btree ("org_id","recipient","sent_at");
