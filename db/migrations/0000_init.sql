CREATE TABLE "account" (
	"id" text PRIMARY KEY NOT NULL,
	"account_id" text NOT NULL,
	"provider_id" text NOT NULL,
	"user_id" text NOT NULL,
	"access_token" text,
	"refresh_token" text,
	"id_token" text,
	"access_token_expires_at" timestamp with time zone,
	"refresh_token_expires_at" timestamp with time zone,
	"scope" text,
	"password" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "session" (
	"id" text PRIMARY KEY NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"token" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"ip_address" text,
	"user_agent" text,
	"user_id" text NOT NULL,
	CONSTRAINT "session_token_unique" UNIQUE("token")
);
--> statement-breakpoint
CREATE TABLE "user" (
	"id" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"email" text NOT NULL,
	"email_verified" boolean DEFAULT false NOT NULL,
	"image" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "user_email_unique" UNIQUE("email")
);
--> statement-breakpoint
CREATE TABLE "verification" (
	"id" text PRIMARY KEY NOT NULL,
	"identifier" text NOT NULL,
	"value" text NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "email_domain" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"domain" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "email_domain_org_domain_unique" UNIQUE("org_id","domain"),
	CONSTRAINT "email_domain_org_id_unique" UNIQUE("org_id","id"),
	CONSTRAINT "email_domain_hostname" CHECK (length("email_domain"."domain") <= 253 and "email_domain"."domain" ~ '^([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]([a-z0-9-]{0,61}[a-z0-9])?$')
);
--> statement-breakpoint
CREATE TABLE "membership" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"user_id" text NOT NULL,
	"role" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "membership_org_user_unique" UNIQUE("org_id","user_id"),
	CONSTRAINT "membership_role_valid" CHECK ("membership"."role" in ('admin', 'agent'))
);
--> statement-breakpoint
CREATE TABLE "organization" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"slug" text NOT NULL,
	"timezone" text NOT NULL,
	"language" text NOT NULL,
	"smart_licence" boolean DEFAULT false NOT NULL,
	"mailbox_limit" integer DEFAULT 50 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "organization_slug_unique" UNIQUE("slug"),
	CONSTRAINT "organization_slug_format" CHECK ("organization"."slug" ~ '^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$'),
	CONSTRAINT "organization_mailbox_limit_range" CHECK ("organization"."mailbox_limit" between 0 and 50)
);
--> statement-breakpoint
CREATE TABLE "smart_routing" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"name" text NOT NULL,
	"has_published" boolean DEFAULT false NOT NULL,
	"has_draft" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "smart_routing_org_name_unique" UNIQUE("org_id","name"),
	CONSTRAINT "smart_routing_org_id_unique" UNIQUE("org_id","id"),
	CONSTRAINT "smart_routing_name_length" CHECK (char_length("smart_routing"."name") between 1 and 255)
);
--> statement-breakpoint
CREATE TABLE "alias_token" (
	"token" text PRIMARY KEY NOT NULL,
	"org_id" uuid NOT NULL,
	"issued_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "alias_token_format" CHECK ("alias_token"."token" ~ '^[a-z0-9]{8,64}$')
);
--> statement-breakpoint
CREATE TABLE "forwarding_verification" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"mailbox_id" uuid NOT NULL,
	"token" text NOT NULL,
	"requested_by" text,
	"requested_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"verified_at" timestamp with time zone,
	CONSTRAINT "forwarding_verification_token_unique" UNIQUE("token")
);
--> statement-breakpoint
CREATE TABLE "mailbox" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"display_name" text NOT NULL,
	"local_part" text NOT NULL,
	"domain_id" uuid NOT NULL,
	"alias_token" text NOT NULL,
	"timezone" text,
	"language" text,
	"smart_routing_id" uuid,
	"smart_routing_version" text,
	"end_routing_id" uuid,
	"end_routing_version" text,
	"active" boolean DEFAULT true NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"last_received_at" timestamp with time zone,
	"last_received_from" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "mailbox_alias_token_unique" UNIQUE("alias_token"),
	CONSTRAINT "mailbox_org_address_unique" UNIQUE("org_id","domain_id","local_part"),
	CONSTRAINT "mailbox_org_id_unique" UNIQUE("org_id","id"),
	CONSTRAINT "mailbox_display_name" CHECK (char_length("mailbox"."display_name") between 1 and 255 and "mailbox"."display_name" = btrim("mailbox"."display_name") and "mailbox"."display_name" !~ '[\x01-\x1f\x7f]'),
	CONSTRAINT "mailbox_local_part" CHECK (char_length("mailbox"."local_part") <= 64 and "mailbox"."local_part" ~ '^[a-z0-9!#$%&''*+/=?^_`{|}~-]+(\.[a-z0-9!#$%&''*+/=?^_`{|}~-]+)*$'),
	CONSTRAINT "mailbox_smart_routing_version" CHECK (("mailbox"."smart_routing_id" is null) = ("mailbox"."smart_routing_version" is null)),
	CONSTRAINT "mailbox_end_routing_version" CHECK (("mailbox"."end_routing_id" is null) = ("mailbox"."end_routing_version" is null)),
	CONSTRAINT "mailbox_version_positive" CHECK ("mailbox"."version" >= 1)
);
--> statement-breakpoint
CREATE TABLE "queue" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"name" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "queue_org_name_unique" UNIQUE("org_id","name"),
	CONSTRAINT "queue_org_id_unique" UNIQUE("org_id","id"),
	CONSTRAINT "queue_name_length" CHECK (char_length("queue"."name") between 1 and 255)
);
--> statement-breakpoint
CREATE TABLE "queue_mailbox" (
	"org_id" uuid NOT NULL,
	"queue_id" uuid NOT NULL,
	"mailbox_id" uuid NOT NULL,
	"is_default" boolean DEFAULT false NOT NULL,
	"linked_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "queue_mailbox_pk" PRIMARY KEY("queue_id","mailbox_id")
);
--> statement-breakpoint
CREATE TABLE "inbound_message" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"mailbox_id" uuid NOT NULL,
	"received_at" timestamp with time zone DEFAULT now() NOT NULL,
	"envelope_from" text,
	"header_from" text,
	"subject" text,
	"message_id" text NOT NULL,
	"size_bytes" integer NOT NULL,
	"auto_submitted" boolean DEFAULT false NOT NULL,
	"confirmation_provider" text,
	"confirmation_code" text,
	"confirmation_url" text,
	CONSTRAINT "inbound_message_mailbox_message_id_unique" UNIQUE("mailbox_id","message_id"),
	CONSTRAINT "inbound_message_size" CHECK ("inbound_message"."size_bytes" >= 0)
);
--> statement-breakpoint
CREATE TABLE "audit_event" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"org_id" uuid NOT NULL,
	"actor_id" text,
	"action" text NOT NULL,
	"entity_type" text NOT NULL,
	"entity_id" text NOT NULL,
	"entity_label" text NOT NULL,
	"changes" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "account" ADD CONSTRAINT "account_user_id_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."user"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "session" ADD CONSTRAINT "session_user_id_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."user"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "email_domain" ADD CONSTRAINT "email_domain_org_id_organization_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organization"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "membership" ADD CONSTRAINT "membership_org_id_organization_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organization"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "membership" ADD CONSTRAINT "membership_user_id_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."user"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "smart_routing" ADD CONSTRAINT "smart_routing_org_id_organization_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organization"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "forwarding_verification" ADD CONSTRAINT "forwarding_verification_org_id_organization_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organization"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "forwarding_verification" ADD CONSTRAINT "forwarding_verification_mailbox_fk" FOREIGN KEY ("org_id","mailbox_id") REFERENCES "public"."mailbox"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mailbox" ADD CONSTRAINT "mailbox_org_id_organization_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organization"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mailbox" ADD CONSTRAINT "mailbox_alias_token_alias_token_token_fk" FOREIGN KEY ("alias_token") REFERENCES "public"."alias_token"("token") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mailbox" ADD CONSTRAINT "mailbox_domain_fk" FOREIGN KEY ("org_id","domain_id") REFERENCES "public"."email_domain"("org_id","id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mailbox" ADD CONSTRAINT "mailbox_smart_routing_fk" FOREIGN KEY ("org_id","smart_routing_id") REFERENCES "public"."smart_routing"("org_id","id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mailbox" ADD CONSTRAINT "mailbox_end_routing_fk" FOREIGN KEY ("org_id","end_routing_id") REFERENCES "public"."smart_routing"("org_id","id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "queue" ADD CONSTRAINT "queue_org_id_organization_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organization"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "queue_mailbox" ADD CONSTRAINT "queue_mailbox_queue_fk" FOREIGN KEY ("org_id","queue_id") REFERENCES "public"."queue"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "queue_mailbox" ADD CONSTRAINT "queue_mailbox_mailbox_fk" FOREIGN KEY ("org_id","mailbox_id") REFERENCES "public"."mailbox"("org_id","id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inbound_message" ADD CONSTRAINT "inbound_message_org_id_organization_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organization"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inbound_message" ADD CONSTRAINT "inbound_message_mailbox_fk" FOREIGN KEY ("org_id","mailbox_id") REFERENCES "public"."mailbox"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "audit_event" ADD CONSTRAINT "audit_event_org_id_organization_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organization"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "audit_event" ADD CONSTRAINT "audit_event_actor_id_user_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "account_user_idx" ON "account" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "session_user_idx" ON "session" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "forwarding_verification_mailbox_idx" ON "forwarding_verification" USING btree ("mailbox_id","requested_at");--> statement-breakpoint
CREATE INDEX "mailbox_org_idx" ON "mailbox" USING btree ("org_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "queue_mailbox_one_default" ON "queue_mailbox" USING btree ("queue_id") WHERE "queue_mailbox"."is_default";--> statement-breakpoint
CREATE INDEX "queue_mailbox_mailbox_idx" ON "queue_mailbox" USING btree ("mailbox_id");--> statement-breakpoint
CREATE INDEX "inbound_message_mailbox_received_idx" ON "inbound_message" USING btree ("mailbox_id","received_at");--> statement-breakpoint
CREATE INDEX "audit_event_org_created_idx" ON "audit_event" USING btree ("org_id","created_at");--> statement-breakpoint
CREATE INDEX "audit_event_entity_idx" ON "audit_event" USING btree ("org_id","entity_type","entity_id","created_at");