CREATE TABLE "alert_recipient" (
	"org_id" uuid NOT NULL,
	"user_id" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "alert_recipient_org_id_user_id_pk" PRIMARY KEY("org_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "demo_forwarding_rule" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"address" text NOT NULL,
	"provider" text NOT NULL,
	"forward_to" text NOT NULL,
	"external_forwarding_allowed" boolean DEFAULT false NOT NULL,
	"confirmed_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"removed_at" timestamp with time zone,
	CONSTRAINT "demo_forwarding_rule_address_unique" UNIQUE("address"),
	CONSTRAINT "demo_forwarding_rule_provider" CHECK ("demo_forwarding_rule"."provider" in ('gmail', 'microsoft365', 'generic')),
	CONSTRAINT "demo_forwarding_rule_address_lower" CHECK ("demo_forwarding_rule"."address" = lower("demo_forwarding_rule"."address") and "demo_forwarding_rule"."address" like '%_@_%')
);
--> statement-breakpoint
CREATE TABLE "test_message_recipient" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"recipient_key" text NOT NULL,
	"kind" text NOT NULL,
	"sent_at" timestamp with time zone NOT NULL,
	CONSTRAINT "test_message_recipient_kind" CHECK ("test_message_recipient"."kind" in ('forwarding_verification', 'test_email'))
);
--> statement-breakpoint
ALTER TABLE "alert_recipient" ADD CONSTRAINT "alert_recipient_membership_fk" FOREIGN KEY ("org_id","user_id") REFERENCES "public"."membership"("org_id","user_id") ON DELETE cascade ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "demo_forwarding_rule" ADD CONSTRAINT "demo_forwarding_rule_org_id_organization_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organization"("id") ON DELETE cascade ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "test_message_recipient" ADD CONSTRAINT "test_message_recipient_org_id_organization_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organization"("id") ON DELETE cascade ON UPDATE no action;
--> statement-breakpoint
CREATE INDEX "test_message_recipient_key_idx" ON "test_message_recipient" USING btree ("recipient_key","sent_at");
--> statement-breakpoint
CREATE INDEX "test_message_recipient_org_key_idx" ON "test_message_recipient" USING btree ("org_id","recipient_key","sent_at");
--> statement-breakpoint
ALTER TABLE "sign_in_limit" ADD COLUMN "account_key" text;
--> statement-breakpoint
ALTER TABLE "sign_in_limit" ADD COLUMN "last_attempt_at" timestamp with time zone;
--> statement-breakpoint
CREATE INDEX "sign_in_limit_account_key_idx" ON "sign_in_limit" USING btree ("account_key") WHERE "sign_in_limit"."account_key" is not null;
--> statement-breakpoint
-- The demo provider's rules move from demo_provider_account (three fixed accounts) to demo_forwarding_rule.
INSERT INTO "demo_forwarding_rule" ("org_id", "address", "provider", "forward_to", "confirmed_at")
SELECT o."id", a."address",
       CASE a."behaviour" WHEN 'gmail_confirmation' THEN 'gmail' WHEN 'microsoft365_blocks' THEN 'microsoft365' ELSE 'generic' END,
       a."forward_to", a."confirmed_at"
FROM "demo_provider_account" a JOIN "organization" o ON o."slug" = 'demo'
ON CONFLICT ("address") DO NOTHING;
