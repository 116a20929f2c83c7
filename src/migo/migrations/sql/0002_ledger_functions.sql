-- The ledger's write path, one round trip per operation (DESIGN.md "The ledger").
-- Versioned: never edit a landed version; write ledger_functions_v2.sql and a migration instead.
--
-- Every function locks the ledger accounts it touches first, in one fixed order (by id), and only then any
-- hold row, so concurrent entries queue instead of deadlocking. An idempotency reference is checked after
-- the locks, when a concurrent entry with the same reference has already committed.

CREATE FUNCTION ledger_post_entry_v1(
    p_entry_id uuid,
    p_reference text,
    p_kind text,
    p_description text,
    p_accounts uuid[],
    p_amounts numeric[],
    p_ceilings numeric[],      -- per account: the highest balance allowed after this entry, NULL for none
    p_release_hold uuid,       -- a pending hold that this entry settles (its reservation is released), or NULL
    p_reverses uuid,           -- the entry this one reverses, or NULL
    p_at timestamptz
) RETURNS TABLE (entry_id uuid, outcome text, account_id uuid)
LANGUAGE plpgsql AS $$
#variable_conflict use_column
DECLARE
    v_existing uuid;
    v_hold ledger_holds%ROWTYPE;
    v_leg record;
BEGIN
    IF coalesce(array_length(p_accounts, 1), 0) < 2
        OR array_length(p_accounts, 1) <> array_length(p_amounts, 1)
        OR array_length(p_accounts, 1) <> array_length(p_ceilings, 1) THEN
        RAISE EXCEPTION 'ledger: an entry needs two or more postings with matching arrays (%)', p_reference;
    END IF;

    PERFORM 1 FROM ledger_accounts WHERE id = ANY (p_accounts) ORDER BY id FOR UPDATE;

    SELECT e.id INTO v_existing FROM ledger_entries e WHERE e.reference = p_reference;
    IF FOUND THEN
        RETURN QUERY SELECT v_existing, 'duplicate'::text, NULL::uuid;
        RETURN;
    END IF;

    IF (SELECT count(*) FROM ledger_accounts a WHERE a.id = ANY (p_accounts)) <> array_length(p_accounts, 1) THEN
        RAISE EXCEPTION 'ledger: unknown or repeated account in entry %', p_reference;
    END IF;
    IF EXISTS (SELECT 1 FROM unnest(p_amounts) AS x(amount) WHERE x.amount IS NULL OR x.amount = 0) THEN
        RAISE EXCEPTION 'ledger: a posting amount is zero or null in entry %', p_reference;
    END IF;
    IF EXISTS (
        SELECT 1
        FROM unnest(p_accounts, p_amounts) AS leg(account, amount)
        JOIN ledger_accounts a ON a.id = leg.account
        GROUP BY a.currency
        HAVING sum(leg.amount) <> 0
    ) THEN
        RAISE EXCEPTION 'ledger: entry % does not balance in every currency', p_reference;
    END IF;

    IF p_release_hold IS NOT NULL THEN
        SELECT * INTO v_hold FROM ledger_holds h WHERE h.id = p_release_hold FOR UPDATE;
        IF NOT FOUND OR v_hold.status <> 'pending' OR NOT (v_hold.account_id = ANY (p_accounts)) THEN
            RETURN QUERY SELECT NULL::uuid, 'hold_not_pending'::text, v_hold.account_id;
            RETURN;
        END IF;
    END IF;

    FOR v_leg IN
        SELECT a.id, a.allow_negative, a.balance, a.held, leg.amount, leg.ceiling,
               CASE WHEN a.id = v_hold.account_id THEN v_hold.amount ELSE 0 END AS released
        FROM unnest(p_accounts, p_amounts, p_ceilings) AS leg(account, amount, ceiling)
        JOIN ledger_accounts a ON a.id = leg.account
        ORDER BY a.id
    LOOP
        IF NOT v_leg.allow_negative
            AND v_leg.balance + v_leg.amount - (v_leg.held - v_leg.released) < 0 THEN
            RETURN QUERY SELECT NULL::uuid, 'insufficient_funds'::text, v_leg.id;
            RETURN;
        END IF;
        IF v_leg.ceiling IS NOT NULL AND v_leg.amount > 0 AND v_leg.balance + v_leg.amount > v_leg.ceiling THEN
            RETURN QUERY SELECT NULL::uuid, 'ceiling_exceeded'::text, v_leg.id;
            RETURN;
        END IF;
    END LOOP;

    -- A concurrent entry with this reference on other accounts did not wait on our locks: let the
    -- reference decide, and report the one that got there first.
    INSERT INTO ledger_entries (id, reference, kind, description, reverses_entry_id, created_at)
    VALUES (p_entry_id, p_reference, p_kind, p_description, p_reverses, p_at)
    ON CONFLICT (reference) DO NOTHING;
    IF NOT FOUND THEN
        SELECT e.id INTO v_existing FROM ledger_entries e WHERE e.reference = p_reference;
        RETURN QUERY SELECT v_existing, 'duplicate'::text, NULL::uuid;
        RETURN;
    END IF;

    WITH leg AS (
        SELECT l.account, l.amount,
               CASE WHEN l.account = v_hold.account_id THEN v_hold.amount ELSE 0 END AS released
        FROM unnest(p_accounts, p_amounts) AS l(account, amount)
    ), moved AS (
        UPDATE ledger_accounts a
        SET balance = a.balance + leg.amount, held = a.held - leg.released
        FROM leg
        WHERE a.id = leg.account
        RETURNING a.id, a.currency, a.balance, leg.amount
    )
    INSERT INTO ledger_postings (entry_id, account_id, amount, currency, balance_after, created_at)
    SELECT p_entry_id, moved.id, moved.amount, moved.currency, moved.balance, p_at
    FROM moved
    ORDER BY moved.id;

    IF p_release_hold IS NOT NULL THEN
        UPDATE ledger_holds SET status = 'posted', entry_id = p_entry_id, resolved_at = p_at
        WHERE id = p_release_hold;
    END IF;

    RETURN QUERY SELECT p_entry_id, 'posted'::text, NULL::uuid;
END;
$$;


CREATE FUNCTION ledger_place_hold_v1(
    p_hold_id uuid,
    p_reference text,
    p_account uuid,
    p_amount numeric,
    p_at timestamptz
) RETURNS TABLE (hold_id uuid, outcome text)
LANGUAGE plpgsql AS $$
DECLARE
    v_account ledger_accounts%ROWTYPE;
    v_existing uuid;
BEGIN
    IF p_amount IS NULL OR p_amount <= 0 THEN
        RAISE EXCEPTION 'ledger: a hold needs a positive amount (%)', p_reference;
    END IF;
    SELECT * INTO v_account FROM ledger_accounts a WHERE a.id = p_account FOR UPDATE;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'ledger: unknown account for hold %', p_reference;
    END IF;
    SELECT h.id INTO v_existing FROM ledger_holds h WHERE h.reference = p_reference;
    IF FOUND THEN
        RETURN QUERY SELECT v_existing, 'duplicate'::text;
        RETURN;
    END IF;
    IF NOT v_account.allow_negative AND v_account.balance - v_account.held < p_amount THEN
        RETURN QUERY SELECT NULL::uuid, 'insufficient_funds'::text;
        RETURN;
    END IF;
    INSERT INTO ledger_holds (id, account_id, amount, currency, reference, status, created_at)
    VALUES (p_hold_id, p_account, p_amount, v_account.currency, p_reference, 'pending', p_at)
    ON CONFLICT (reference) DO NOTHING;
    IF NOT FOUND THEN
        SELECT h.id INTO v_existing FROM ledger_holds h WHERE h.reference = p_reference;
        RETURN QUERY SELECT v_existing, 'duplicate'::text;
        RETURN;
    END IF;
    UPDATE ledger_accounts SET held = held + p_amount WHERE id = p_account;
    RETURN QUERY SELECT p_hold_id, 'placed'::text;
END;
$$;


CREATE FUNCTION ledger_void_hold_v1(p_hold_id uuid, p_at timestamptz)
RETURNS text
LANGUAGE plpgsql AS $$
DECLARE
    v_hold ledger_holds%ROWTYPE;
BEGIN
    PERFORM 1 FROM ledger_accounts a
    WHERE a.id = (SELECT h.account_id FROM ledger_holds h WHERE h.id = p_hold_id)
    FOR UPDATE;
    SELECT * INTO v_hold FROM ledger_holds h WHERE h.id = p_hold_id FOR UPDATE;
    IF NOT FOUND THEN
        RETURN 'not_found';
    END IF;
    IF v_hold.status <> 'pending' THEN
        RETURN 'hold_not_pending';
    END IF;
    UPDATE ledger_holds SET status = 'voided', resolved_at = p_at WHERE id = p_hold_id;
    UPDATE ledger_accounts SET held = held - v_hold.amount WHERE id = v_hold.account_id;
    RETURN 'voided';
END;
$$;


-- Entries and postings are immutable: a correction is a new entry (a reversal), never an edit.
CREATE FUNCTION ledger_refuse_change_v1() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'ledger: % rows are immutable; post a reversal instead', TG_TABLE_NAME;
END;
$$;

CREATE TRIGGER ledger_entries_immutable_v1
    BEFORE UPDATE OR DELETE ON ledger_entries
    FOR EACH ROW EXECUTE FUNCTION ledger_refuse_change_v1();

CREATE TRIGGER ledger_postings_immutable_v1
    BEFORE UPDATE OR DELETE ON ledger_postings
    FOR EACH ROW EXECUTE FUNCTION ledger_refuse_change_v1();
