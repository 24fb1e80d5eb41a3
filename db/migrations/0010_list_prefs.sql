ALTER TABLE "membership" ADD COLUMN "list_hidden_columns" text[] DEFAULT '{}'::text[] NOT NULL;--> statement-breakpoint
ALTER TABLE "membership" ADD CONSTRAINT "membership_list_hidden_columns_known" CHECK ("membership"."list_hidden_columns" <@ array['queues', 'smartRouting', 'lastReceived']::text[]);
