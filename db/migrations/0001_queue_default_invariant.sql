-- R16: a queue that has mailboxes has exactly one default mailbox.
-- "At most one" is the partial unique index queue_mailbox_one_default. "At least one" cannot be a plain
-- constraint (it spans rows), so it is a constraint trigger checked at commit (DEFERRABLE INITIALLY
-- DEFERRED): within a transaction the services may unset the old default before setting the new one, but
-- no transaction can commit a non-empty queue without a default. Deleting a queue deletes its links too,
-- which leaves it empty and therefore valid. Works on PostgreSQL 15 and on PGlite.
CREATE FUNCTION "queue_mailbox_check_default"() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  target uuid;
  links integer;
  defaults integer;
BEGIN
  IF TG_OP = 'DELETE' THEN
    target := OLD.queue_id;
  ELSE
    target := NEW.queue_id;
  END IF;
  SELECT count(*), count(*) FILTER (WHERE is_default) INTO links, defaults
    FROM "queue_mailbox" WHERE queue_id = target;
  IF links > 0 AND defaults <> 1 THEN
    RAISE EXCEPTION 'queue % has % mailboxes and % default mailboxes; it needs exactly one default', target, links, defaults
      USING ERRCODE = '23514', CONSTRAINT = 'queue_mailbox_default_required';
  END IF;
  IF TG_OP = 'UPDATE' AND OLD.queue_id IS DISTINCT FROM NEW.queue_id THEN
    SELECT count(*), count(*) FILTER (WHERE is_default) INTO links, defaults
      FROM "queue_mailbox" WHERE queue_id = OLD.queue_id;
    IF links > 0 AND defaults <> 1 THEN
      RAISE EXCEPTION 'queue % has % mailboxes and % default mailboxes; it needs exactly one default', OLD.queue_id, links, defaults
        USING ERRCODE = '23514', CONSTRAINT = 'queue_mailbox_default_required';
    END IF;
  END IF;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER "queue_mailbox_default_required"
  AFTER INSERT OR UPDATE OR DELETE ON "queue_mailbox"
  DEFERRABLE INITIALLY DEFERRED
  FOR EACH ROW EXECUTE FUNCTION "queue_mailbox_check_default"();
