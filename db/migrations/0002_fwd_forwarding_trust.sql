CREATE TABLE "demo_provider_account" (
	"address" text PRIMARY KEY NOT NULL,
	"behaviour" text NOT NULL,
	"forward_to" text NOT NULL,
	"confirmed_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "demo_provider_message" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"received_at" timestamp with time zone DEFAULT now() NOT NULL,
	"envelope_from" text,
	"to_address" text NOT NULL,
	"from_header" text NOT NULL,
	"subject" text NOT NULL,
	"text" text NOT NULL,
	"outcome" text DEFAULT 'kept' NOT NULL,
	"detail" text
);
--> statement-breakpoint
ALTER TABLE "forwarding_verification" ADD COLUMN "address" text;--> statement-breakpoint
-- Hand-written: earlier verifications were for the mailbox's address of the time; the best knowledge is its current one.
UPDATE "forwarding_verification" fv SET "address" = mb.local_part || '@' || d.domain
  FROM "mailbox" mb JOIN "email_domain" d ON d.id = mb.domain_id WHERE mb.id = fv.mailbox_id;--> statement-breakpoint
ALTER TABLE "forwarding_verification" ALTER COLUMN "address" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "forwarding_verification" ADD COLUMN "automatic" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "forwarding_verification" ADD COLUMN "failed_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "forwarding_verification" ADD COLUMN "failure_reason" text;--> statement-breakpoint
ALTER TABLE "forwarding_verification" ADD COLUMN "bounce_status" text;--> statement-breakpoint
ALTER TABLE "forwarding_verification" ADD COLUMN "bounce_kind" text;--> statement-breakpoint
ALTER TABLE "mailbox" ADD COLUMN "last_customer_mail_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "mailbox" ADD COLUMN "last_customer_mail_from" text;--> statement-breakpoint
ALTER TABLE "inbound_message" ADD COLUMN "kind" text DEFAULT 'customer' NOT NULL;--> statement-breakpoint
ALTER TABLE "inbound_message" ADD COLUMN "provider_auth" text;--> statement-breakpoint
CREATE INDEX "demo_provider_message_received_idx" ON "demo_provider_message" USING btree ("received_at");--> statement-breakpoint
-- Hand-written: finish earlier verifications that can no longer succeed, so at most one per mailbox is pending.
UPDATE "forwarding_verification" fv SET "failed_at" = least(fv.expires_at, now()), "failure_reason" = 'timeout'
  WHERE fv.verified_at IS NULL AND (fv.expires_at <= now() OR EXISTS (
    SELECT 1 FROM "forwarding_verification" newer WHERE newer.mailbox_id = fv.mailbox_id AND newer.verified_at IS NULL
      AND (newer.requested_at, newer.id) > (fv.requested_at, fv.id)));--> statement-breakpoint
CREATE UNIQUE INDEX "forwarding_verification_one_pending" ON "forwarding_verification" USING btree ("mailbox_id") WHERE "forwarding_verification"."verified_at" is null and "forwarding_verification"."failed_at" is null;--> statement-breakpoint
CREATE INDEX "forwarding_verification_org_requested_idx" ON "forwarding_verification" USING btree ("org_id","requested_at");--> statement-breakpoint
CREATE INDEX "forwarding_verification_address_requested_idx" ON "forwarding_verification" USING btree ("address","requested_at");--> statement-breakpoint
ALTER TABLE "forwarding_verification" ADD CONSTRAINT "forwarding_verification_failure" CHECK (("forwarding_verification"."failed_at" is null) = ("forwarding_verification"."failure_reason" is null));;--> statement-breakpoint
-- Hand-written: R26 for messages received before this change (the platform's own by their marks), and the
-- mailboxes' last customer mail from them. Confirmations recorded before R28 were never authenticated: not shown.
UPDATE "inbound_message" SET "kind" = CASE WHEN "confirmation_provider" IS NOT NULL THEN 'provider'
  WHEN "auto_submitted" AND "header_from" LIKE '%no-reply@%' THEN 'platform' ELSE 'customer' END;--> statement-breakpoint
UPDATE "mailbox" mb SET "last_customer_mail_at" = last.received_at, "last_customer_mail_from" = last.sender
  FROM (SELECT DISTINCT ON (mailbox_id) mailbox_id, received_at, coalesce(envelope_from, header_from) AS sender
        FROM "inbound_message" WHERE kind = 'customer' ORDER BY mailbox_id, received_at DESC) last
  WHERE last.mailbox_id = mb.id;--> statement-breakpoint
ALTER TABLE "inbound_message" ADD CONSTRAINT "inbound_message_kind" CHECK ("kind" IN ('customer', 'platform', 'provider'));--> statement-breakpoint
ALTER TABLE "inbound_message" ADD CONSTRAINT "inbound_message_provider_auth" CHECK ("provider_auth" IS NULL OR "provider_auth" IN ('pass', 'fail', 'none', 'temperror', 'demo'));--> statement-breakpoint
ALTER TABLE "forwarding_verification" ADD CONSTRAINT "forwarding_verification_failure_reason" CHECK ("failure_reason" IS NULL OR "failure_reason" IN ('timeout', 'bounce', 'address_changed', 'provider_held'));