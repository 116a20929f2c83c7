-- The ledger's write path, one round trip per operation (DESIGN.md "The ledger"). The one current definition
-- of the ledger's SQL: stable names, CREATE OR REPLACE. Change it here, then `migo db revision --sql -m "…"`
-- writes a migration that installs a frozen copy (a test fails while this file and the latest copy differ).
--
-- Every function locks the ledger accounts it touches first, in one fixed order (by id), and only then any
-- hold row, so concurrent entries queue instead of deadlocking. An idempotency reference is checked after
-- the locks, when a concurrent entry with the same reference has already committed.
--
-- No statement that reads or writes a table takes a whole array as a parameter: PostgreSQL cannot estimate
-- an array parameter's length and would re-plan such statements on every call (measured: ~250 µs of the
-- ~600 µs a 2-leg entry cost). ledger_post_entry walks its legs in PL/pgSQL instead, each account read and
-- locked by its id and each posting written by its own statement, so plans are built once per connection.
-- Malformed arrays: a NULL ceilings array means no ceilings, a NULL account is an unknown one (never
-- locked), and the arrays' lower bounds do not matter.

CREATE OR REPLACE FUNCTION ledger_post_entry(
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
    v_legs int;
    v_order int[] := '{}';       -- leg numbers in account id order: the lock order
    v_known boolean[] := '{}';   -- per leg: the account exists
    v_currency text[] := '{}';
    v_negative boolean[] := '{}';
    v_balance numeric[] := '{}';
    v_held numeric[] := '{}';
    v_account ledger_accounts%ROWTYPE;
    v_hold ledger_holds%ROWTYPE;
    v_existing uuid;
    v_released numeric;
    v_sum numeric;               -- one currency's postings, which must come to zero
    v_balance_after numeric;
    v_leg int;
    v_other int;
    v_swap int;
BEGIN
    -- Legs are matched by position: renumber every array from 1.
    p_accounts := p_accounts[:];
    p_amounts := p_amounts[:];
    p_ceilings := p_ceilings[:];
    v_legs := coalesce(array_length(p_accounts, 1), 0);
    -- A NULL or empty amounts or ceilings array does not fail this test (a NULL amounts array fails on the
    -- balance's NOT NULL below; NULL ceilings mean none).
    IF v_legs < 2 OR v_legs <> array_length(p_amounts, 1) OR v_legs <> array_length(p_ceilings, 1) THEN
        RAISE EXCEPTION 'ledger: an entry needs two or more postings with matching arrays (%)', p_reference;
    END IF;

    -- Insertion sort of the leg numbers by account id, a NULL account last (entries have a handful of legs).
    FOR v_leg IN 1 .. v_legs LOOP
        v_order := v_order || v_leg;
        v_other := v_leg;
        WHILE v_other > 1 AND p_accounts[v_order[v_other]] IS NOT NULL
            AND (p_accounts[v_order[v_other - 1]] IS NULL
                 OR p_accounts[v_order[v_other - 1]] > p_accounts[v_order[v_other]]) LOOP
            v_swap := v_order[v_other - 1];
            v_order[v_other - 1] := v_order[v_other];
            v_order[v_other] := v_swap;
            v_other := v_other - 1;
        END LOOP;
    END LOOP;

    FOR v_other IN 1 .. v_legs LOOP
        v_leg := v_order[v_other];
        SELECT * INTO v_account FROM ledger_accounts a WHERE a.id = p_accounts[v_leg] FOR UPDATE;
        v_known[v_leg] := FOUND;
        v_currency[v_leg] := v_account.currency;
        v_negative[v_leg] := v_account.allow_negative;
        v_balance[v_leg] := v_account.balance;
        v_held[v_leg] := v_account.held;
    END LOOP;

    SELECT e.id INTO v_existing FROM ledger_entries e WHERE e.reference = p_reference;
    IF FOUND THEN
        RETURN QUERY SELECT v_existing, 'duplicate'::text, NULL::uuid;
        RETURN;
    END IF;

    FOR v_other IN 1 .. v_legs LOOP
        v_leg := v_order[v_other];
        IF NOT v_known[v_leg] OR (v_other > 1 AND p_accounts[v_leg] = p_accounts[v_order[v_other - 1]]) THEN
            RAISE EXCEPTION 'ledger: unknown or repeated account in entry %', p_reference;
        END IF;
    END LOOP;
    FOR v_leg IN 1 .. coalesce(array_length(p_amounts, 1), 0) LOOP
        IF p_amounts[v_leg] IS NULL OR p_amounts[v_leg] = 0 THEN
            RAISE EXCEPTION 'ledger: a posting amount is zero or null in entry %', p_reference;
        END IF;
    END LOOP;
    FOR v_leg IN 1 .. v_legs LOOP
        v_sum := 0;
        FOR v_other IN 1 .. v_legs LOOP
            IF v_currency[v_other] = v_currency[v_leg] THEN
                v_sum := v_sum + p_amounts[v_other];
            END IF;
        END LOOP;
        IF v_sum <> 0 THEN
            RAISE EXCEPTION 'ledger: entry % does not balance in every currency', p_reference;
        END IF;
    END LOOP;

    IF p_release_hold IS NOT NULL THEN
        SELECT * INTO v_hold FROM ledger_holds h WHERE h.id = p_release_hold FOR UPDATE;
        IF NOT FOUND OR v_hold.status <> 'pending' OR NOT (v_hold.account_id = ANY (p_accounts)) THEN
            RETURN QUERY SELECT NULL::uuid, 'hold_not_pending'::text, v_hold.account_id;
            RETURN;
        END IF;
    END IF;

    FOR v_other IN 1 .. v_legs LOOP
        v_leg := v_order[v_other];
        v_released := CASE WHEN p_accounts[v_leg] = v_hold.account_id THEN v_hold.amount ELSE 0 END;
        IF NOT v_negative[v_leg]
            AND v_balance[v_leg] + p_amounts[v_leg] - (v_held[v_leg] - v_released) < 0 THEN
            RETURN QUERY SELECT NULL::uuid, 'insufficient_funds'::text, p_accounts[v_leg];
            RETURN;
        END IF;
        IF p_ceilings[v_leg] IS NOT NULL AND p_amounts[v_leg] > 0
            AND v_balance[v_leg] + p_amounts[v_leg] > p_ceilings[v_leg] THEN
            RETURN QUERY SELECT NULL::uuid, 'ceiling_exceeded'::text, p_accounts[v_leg];
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

    FOR v_other IN 1 .. v_legs LOOP
        v_leg := v_order[v_other];
        v_released := CASE WHEN p_accounts[v_leg] = v_hold.account_id THEN v_hold.amount ELSE 0 END;
        UPDATE ledger_accounts a
        SET balance = a.balance + p_amounts[v_leg], held = a.held - v_released
        WHERE a.id = p_accounts[v_leg]
        RETURNING a.balance INTO v_balance_after;
        INSERT INTO ledger_postings (entry_id, account_id, amount, currency, balance_after, created_at)
        VALUES (p_entry_id, p_accounts[v_leg], p_amounts[v_leg], v_currency[v_leg], v_balance_after, p_at);
    END LOOP;

    IF p_release_hold IS NOT NULL THEN
        UPDATE ledger_holds SET status = 'posted', entry_id = p_entry_id, resolved_at = p_at
        WHERE id = p_release_hold;
    END IF;

    RETURN QUERY SELECT p_entry_id, 'posted'::text, NULL::uuid;
END;
$$;


CREATE OR REPLACE FUNCTION ledger_place_hold(
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


CREATE OR REPLACE FUNCTION ledger_void_hold(p_hold_id uuid, p_at timestamptz)
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
CREATE OR REPLACE FUNCTION ledger_refuse_change() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'ledger: % rows are immutable; post a reversal instead', TG_TABLE_NAME;
END;
$$;

CREATE OR REPLACE TRIGGER ledger_entries_immutable
    BEFORE UPDATE OR DELETE ON ledger_entries
    FOR EACH ROW EXECUTE FUNCTION ledger_refuse_change();

CREATE OR REPLACE TRIGGER ledger_postings_immutable
    BEFORE UPDATE OR DELETE ON ledger_postings
    FOR EACH ROW EXECUTE FUNCTION ledger_refuse_change();
