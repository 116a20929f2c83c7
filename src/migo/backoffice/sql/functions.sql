-- The audit trail is append-only: a record is never changed or deleted (PCI DSS v4.0.1 10.3.2).
CREATE OR REPLACE FUNCTION backoffice_refuse_audit_change() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'backoffice: audit records are append-only';
END;
$$;

CREATE OR REPLACE TRIGGER audit_records_append_only
    BEFORE UPDATE OR DELETE ON audit_records
    FOR EACH ROW EXECUTE FUNCTION backoffice_refuse_audit_change();

-- TRUNCATE bypasses row triggers: refuse it too.
CREATE OR REPLACE TRIGGER audit_records_no_truncate
    BEFORE TRUNCATE ON audit_records
    FOR EACH STATEMENT EXECUTE FUNCTION backoffice_refuse_audit_change();
