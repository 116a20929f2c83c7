-- The card-to-card transfer in one round trip (DESIGN.md "Hot path"): lock both cards in id order, check
-- them and the program's limits, post the ledger entry (ledger_post_entry_v1 locks the accounts in id
-- order), record the card transaction, answer the source's balance. A denial is recorded too, with its code.
-- Versioned: never edit a landed version; write cards_functions_v2.sql and a migration instead.

CREATE FUNCTION cards_transfer_v1(
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
    ELSIF v_source.status <> 'ACTIVE' THEN
        v_denial := v_source.status;
    ELSIF v_target.status <> 'ACTIVE' THEN
        v_denial := v_target.status;
    ELSIF v_program.per_transfer_limit IS NOT NULL AND p_amount > v_program.per_transfer_limit THEN
        v_denial := 'per_transfer_limit';
    ELSIF v_program.daily_transfer_limit IS NOT NULL AND (
        SELECT coalesce(sum(t.amount), 0) FROM card_transactions t
        WHERE t.source_card_id = p_source AND t.type = 'transfer' AND t.status = 'approved'
          AND t.created_at >= p_day_start
    ) + p_amount > v_program.daily_transfer_limit THEN
        v_denial := 'daily_limit';
    END IF;

    IF v_denial IS NULL THEN
        SELECT * INTO v_posted FROM ledger_post_entry_v1(
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

    INSERT INTO card_transactions (
        id, company_id, type, source_card_id, target_card_id, amount, currency, description, status, denial_code,
        entry_id, actor_kind, actor_id, created_at
    ) VALUES (
        p_transaction_id, p_company, 'transfer', p_source, v_target.id, p_amount, v_program.currency, p_description,
        CASE WHEN v_denial IS NULL THEN 'approved' ELSE 'denied' END, (p_denial_codes ->> v_denial)::int,
        v_entry, p_actor_kind, p_actor_id, p_at
    );
    RETURN QUERY SELECT
        CASE WHEN v_denial IS NULL THEN 'approved' ELSE 'denied' END,
        v_denial,
        v_target.id,
        v_entry,
        v_program.currency::text,
        (SELECT a.balance FROM ledger_accounts a WHERE a.id = v_source.account_id);
END;
$$;
