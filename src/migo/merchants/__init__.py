"""Merchant acquiring: leads with KYC documents, promoted to businesses (issue 15, onboarding)."""
