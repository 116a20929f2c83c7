"""The CMS back office: the audit trail of what operators do, the conciliation of processor settlement files,
and (to come) partners and cardholder batches, on the other domains' services."""
