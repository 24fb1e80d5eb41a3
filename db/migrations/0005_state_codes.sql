-- Issue 18 item 5: words stored as codes. Verification failures in the history ("why") and in an incident's cause
-- were English sentences, printed as they were into translated alerts; they become codes with parameters
-- (lib/mailbox-state/failure-reason.ts), rendered through the catalogues in the reader's language. A sentence that
-- matches none of the known forms is left as it is (the history prints it; an alert never prints it).

-- The bounce titles of lib/forwarding/explain-bounce.ts as they were stored, with their kinds.
CREATE TEMPORARY TABLE "bounce_title" ("title" text PRIMARY KEY, "kind" text NOT NULL);--> statement-breakpoint
INSERT INTO "bounce_title" VALUES
  ('Microsoft 365 blocks forwarding to external addresses', 'm365_forwarding_blocked'),
  ('Microsoft 365 refused the message as spam (not the forwarding policy)', 'm365_spam_block'),
  ('The address does not exist', 'mailbox_unknown'),
  ('The mailbox is full', 'quota'),
  ('The receiving server refused to take the message', 'relay_denied'),
  ('The provider returned the test message', 'unrecognised');--> statement-breakpoint

-- History: "<title>: <provider's status line>".
UPDATE "audit_event" a
SET "changes" = jsonb_set(a."changes", '{why,to}', jsonb_build_object(
  'code', 'bounce', 'kind', b."kind", 'status', nullif(substr(a."changes"->'why'->>'to', length(b."title") + 3), '')))
FROM "bounce_title" b
WHERE a."action" = 'mailbox.verification_failed' AND jsonb_typeof(a."changes"->'why'->'to') = 'string'
  AND left(a."changes"->'why'->>'to', length(b."title") + 2) = b."title" || ': ';--> statement-breakpoint

-- History: a timeout, an address change, a provider that held the test message.
UPDATE "audit_event" a
SET "changes" = jsonb_set(a."changes", '{why,to}', CASE
  WHEN x."timeout" IS NOT NULL THEN jsonb_build_object('code', 'timed_out', 'address', x."timeout"[1],
    'timeoutMs', x."timeout"[2]::bigint * CASE x."timeout"[3] WHEN 'hour' THEN 3600000 WHEN 'minute' THEN 60000 ELSE 1000 END)
  WHEN x."moved" IS NOT NULL THEN jsonb_build_object('code', 'address_changed', 'address', x."moved"[1])
  ELSE jsonb_build_object('code', 'provider_held', 'address', x."held"[1]) END)
FROM (
  SELECT "id",
    regexp_match("changes"->'why'->>'to', '^the test message sent to (.+) did not come back through the alias within (\d+) (hour|minute|second)s?$') AS "timeout",
    regexp_match("changes"->'why'->>'to', '^the mailbox''s address changed before the test message sent to (.+) came back$') AS "moved",
    regexp_match("changes"->'why'->>'to', '^the provider held the test message sent to (.+) until its forwarding confirmation; verify again now that it is confirmed$') AS "held"
  FROM "audit_event"
  WHERE "action" = 'mailbox.verification_failed' AND jsonb_typeof("changes"->'why'->'to') = 'string'
) x
WHERE a."id" = x."id" AND (x."timeout" IS NOT NULL OR x."moved" IS NOT NULL OR x."held" IS NOT NULL);--> statement-breakpoint

-- Incidents: the reason of a failed verification was its bounce title (or the provider-held sentence). The code
-- comes from the verification that failed at the incident's moment, else from the title alone.
UPDATE "health_incident" hi
SET "cause" = jsonb_set(hi."cause", '{reason}', coalesce(
  (SELECT CASE v."failure_reason"
      WHEN 'bounce' THEN jsonb_build_object('code', 'bounce',
        'kind', coalesce((SELECT b."kind" FROM "bounce_title" b WHERE b."kind" = v."bounce_kind"), 'unrecognised'),
        'status', v."bounce_status")
      WHEN 'provider_held' THEN jsonb_build_object('code', 'provider_held', 'address', v."address")
      WHEN 'address_changed' THEN jsonb_build_object('code', 'address_changed', 'address', v."address")
      ELSE jsonb_build_object('code', 'timed_out', 'address', v."address",
        'timeoutMs', (extract(epoch FROM v."expires_at" - v."requested_at") * 1000)::bigint) END
   FROM "forwarding_verification" v
   WHERE v."mailbox_id" = hi."mailbox_id" AND v."failed_at" IS NOT NULL
     AND abs(extract(epoch FROM v."failed_at" - (hi."cause"->>'at')::timestamptz)) < 1
   ORDER BY v."failed_at" DESC LIMIT 1),
  (SELECT jsonb_build_object('code', 'bounce', 'kind', b."kind", 'status', NULL)
   FROM "bounce_title" b WHERE b."title" = hi."cause"->>'reason'),
  'null'::jsonb))
WHERE hi."cause"->>'kind' = 'verification_failed' AND jsonb_typeof(hi."cause"->'reason') = 'string';--> statement-breakpoint

DROP TABLE "bounce_title";
