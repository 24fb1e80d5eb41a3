ALTER TABLE "inbound_message" ADD COLUMN "confirmation_requested_by" text;--> statement-breakpoint
-- Confirmations recorded before the column: the requester from the subject, as S4 read it until now.
UPDATE "inbound_message" SET "confirmation_requested_by" = lower(substring("subject" from '([A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,})\s*\)?\s*$')) WHERE "confirmation_provider" IS NOT NULL;
