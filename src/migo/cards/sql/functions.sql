-- Money on cards in one round trip each: card-to-card transfers and loads/unloads against the company's
-- funding account. The one current definition of the cards domain's SQL: stable names, CREATE OR REPLACE.
-- Change it here, then `migo db revision --sql -m "…"` writes a migration that installs a frozen copy (a test
-- fails while this file and the latest copy differ).
--
-- Each function locks the card rows first (in id order), then posts through ledger_post_entry (which locks
-- the ledger accounts in id order), and records the card transaction, approved or denied with its reason, in
-- the same round trip. A denial is an answer, not an error: the caller maps its name to an error code.


-- Which card states may take part in a movement: the card-status rules, in one place. NULL when the card
-- may; otherwise the denial, named by the card's status. A transfer needs both cards ACTIVE; a load needs an
-- ACTIVE card; a card can be emptied (unloaded) in any state but INACTIVE (a blocked or cancelled card keeps
-- its balance until then).
CREATE OR REPLACE FUNCTION cards_movement_refusal(p_movement text, p_status text) RETURNS text
LANGUAGE sql IMMUTABLE AS $$
    SELECT CASE
        WHEN p_movement = 'unload' AND p_status <> 'INACTIVE' THEN NULL
        WHEN p_movement <> 'unload' AND p_status = 'ACTIVE' THEN NULL
        ELSE p_status
    END
$$;


-- The card transaction a call comes to, approved (with its entry) or denied (with the code of its denial);
-- answers the outcome. Both movements record themselves through it.
CREATE OR REPLACE FUNCTION cards_record_transaction(
    p_transaction_id uuid,
    p_company uuid,
    p_type text,
    p_source uuid,
    p_target uuid,
    p_amount numeric,
    p_currency text,
    p_description text,
    p_denial text,
    p_denial_codes jsonb,
    p_entry uuid,
    p_actor_kind text,
    p_actor_id text,
    p_at timestamptz
) RETURNS text
LANGUAGE plpgsql AS $$
DECLARE
    v_outcome text := CASE WHEN p_denial IS NULL THEN 'approved' ELSE 'denied' END;
BEGIN
    INSERT INTO card_transactions (
        id, company_id, type, source_card_id, target_card_id, amount, currency, description, status, denial_code,
        entry_id, actor_kind, actor_id, created_at
    ) VALUES (
        p_transaction_id, p_company, p_type, p_source, p_target, p_amount, p_currency, p_description,
        v_outcome, (p_denial_codes ->> p_denial)::int, p_entry, p_actor_kind, p_actor_id, p_at
    );
    RETURN v_outcome;
END;
$$;


CREATE OR REPLACE FUNCTION cards_transfer(
    p_transaction_id uuid,
    p_entry_id uuid,
    p_company uuid,
    p_source uuid,
    p_target uuid,
    p_amount numeric,
    p_description text,
    p_actor_kind text,
    p_actor_id text,
    p_at timestamptz,
    p_day_start timestamptz,   -- the start of p_at's day, for the daily limit
    p_denial_codes jsonb       -- denial name -> the error code the transaction records
) RETURNS TABLE (outcome text, denial text, target_card_id uuid, entry_id uuid, currency text, balance numeric)
LANGUAGE plpgsql AS $$
#variable_conflict use_column
DECLARE
    v_card cards%ROWTYPE;
    v_source cards%ROWTYPE;
    v_target cards%ROWTYPE;
    v_program card_programs%ROWTYPE;
    v_denial text;
    v_entry uuid;
    v_posted record;
    v_spent_today numeric;
BEGIN
    FOR v_card IN
        SELECT * FROM cards c WHERE c.id IN (p_source, p_target) AND c.company_id = p_company ORDER BY c.id FOR UPDATE
    LOOP
        IF v_card.id = p_source THEN
            v_source := v_card;
        ELSE
            v_target := v_card;
        END IF;
    END LOOP;
    IF v_source.id IS NULL THEN
        RETURN QUERY SELECT 'source_not_found'::text, NULL::text, NULL::uuid, NULL::uuid, NULL::text, NULL::numeric;
        RETURN;
    END IF;
    SELECT * INTO v_program FROM card_programs p WHERE p.id = v_source.program_id;

    IF v_target.id IS NULL THEN
        v_denial := 'different_companies';
    ELSE
        v_denial := coalesce(
            cards_movement_refusal('transfer', v_source.status), cards_movement_refusal('transfer', v_target.status)
        );
    END IF;
    IF v_denial IS NULL AND v_program.per_transfer_limit IS NOT NULL AND p_amount > v_program.per_transfer_limit THEN
        v_denial := 'per_transfer_limit';
    END IF;
    -- The daily-limit sum is a statement of its own, run only when the program has a daily limit.
    IF v_denial IS NULL AND v_program.daily_transfer_limit IS NOT NULL THEN
        SELECT coalesce(sum(t.amount), 0) INTO v_spent_today FROM card_transactions t
        WHERE t.source_card_id = p_source AND t.type = 'transfer' AND t.status = 'approved'
          AND t.created_at >= p_day_start;
        IF v_spent_today + p_amount > v_program.daily_transfer_limit THEN
            v_denial := 'daily_limit';
        END IF;
    END IF;

    IF v_denial IS NULL THEN
        SELECT * INTO v_posted FROM ledger_post_entry(
            p_entry_id, 'card-transfer:' || p_transaction_id, 'card_transfer', p_description,
            ARRAY[v_source.account_id, v_target.account_id], ARRAY[-p_amount, p_amount],
            ARRAY[NULL, v_program.max_balance]::numeric[], NULL, NULL, p_at
        );
        IF v_posted.outcome = 'posted' THEN
            v_entry := v_posted.entry_id;
        ELSE
            v_denial := v_posted.outcome;  -- insufficient_funds | ceiling_exceeded
        END IF;
    END IF;

    RETURN QUERY SELECT
        cards_record_transaction(
            p_transaction_id, p_company, 'transfer', p_source, v_target.id, p_amount, v_program.currency,
            p_description, v_denial, p_denial_codes, v_entry, p_actor_kind, p_actor_id, p_at
        ),
        v_denial,
        v_target.id,
        v_entry,
        v_program.currency::text,
        (SELECT a.balance FROM ledger_accounts a WHERE a.id = v_source.account_id);
END;
$$;


-- A load (the company's funding account -> the card, up to the program's maximum balance) or an unload (the
-- card -> the funding account). Denials: the card's status, `funding_insufficient` (a load the funding
-- account cannot cover), `insufficient_funds` (an unload above the card's available balance),
-- `ceiling_exceeded`.
CREATE OR REPLACE FUNCTION cards_move_funds(
    p_transaction_id uuid,
    p_entry_id uuid,
    p_company uuid,
    p_card uuid,
    p_kind text,               -- load | unload
    p_amount numeric,
    p_description text,
    p_actor_kind text,
    p_actor_id text,
    p_at timestamptz,
    p_denial_codes jsonb       -- denial name -> the error code the transaction records
) RETURNS TABLE (outcome text, denial text, entry_id uuid, currency text, balance numeric)
LANGUAGE plpgsql AS $$
#variable_conflict use_column
DECLARE
    v_card cards%ROWTYPE;
    v_program card_programs%ROWTYPE;
    v_denial text;
    v_entry uuid;
    v_posted record;
BEGIN
    IF p_kind NOT IN ('load', 'unload') THEN
        RAISE EXCEPTION 'cards: % is neither a load nor an unload', p_kind;
    END IF;
    SELECT * INTO v_card FROM cards c WHERE c.id = p_card AND c.company_id = p_company FOR UPDATE;
    IF NOT FOUND THEN
        RETURN QUERY SELECT 'card_not_found'::text, NULL::text, NULL::uuid, NULL::text, NULL::numeric;
        RETURN;
    END IF;
    SELECT * INTO v_program FROM card_programs p WHERE p.id = v_card.program_id;

    v_denial := cards_movement_refusal(p_kind, v_card.status);
    IF v_denial IS NULL THEN
        IF p_kind = 'load' THEN
            SELECT * INTO v_posted FROM ledger_post_entry(
                p_entry_id, 'card-load:' || p_transaction_id, 'card_load', p_description,
                ARRAY[v_program.funding_account_id, v_card.account_id], ARRAY[-p_amount, p_amount],
                ARRAY[NULL, v_program.max_balance]::numeric[], NULL, NULL, p_at
            );
        ELSE
            SELECT * INTO v_posted FROM ledger_post_entry(
                p_entry_id, 'card-unload:' || p_transaction_id, 'card_unload', p_description,
                ARRAY[v_card.account_id, v_program.funding_account_id], ARRAY[-p_amount, p_amount],
                ARRAY[NULL, NULL]::numeric[], NULL, NULL, p_at
            );
        END IF;
        IF v_posted.outcome = 'posted' THEN
            v_entry := v_posted.entry_id;
        ELSIF v_posted.outcome = 'insufficient_funds' AND p_kind = 'load' THEN
            v_denial := 'funding_insufficient';
        ELSE
            v_denial := v_posted.outcome;  -- insufficient_funds | ceiling_exceeded
        END IF;
    END IF;

    RETURN QUERY SELECT
        cards_record_transaction(
            p_transaction_id, p_company, p_kind,
            CASE WHEN p_kind = 'unload' THEN p_card END, CASE WHEN p_kind = 'load' THEN p_card END,
            p_amount, v_program.currency, p_description, v_denial, p_denial_codes, v_entry, p_actor_kind,
            p_actor_id, p_at
        ),
        v_denial,
        v_entry,
        v_program.currency::text,
        (SELECT a.balance FROM ledger_accounts a WHERE a.id = v_card.account_id);
END;
$$;
