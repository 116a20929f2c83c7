"""The CMS back office: the audit trail of what operators do, and (to come) partners, cardholder batches and
conciliation, on the other domains' services."""
