"""Notifications: messages Migo sends to people (a payment link to its customer, a one-time code), through an
outbox.

Its own small domain, below payments and identity, beside events: a message is a row written in the caller's
transaction (with the job that sends it, both riding with the COMMIT), so none is sent for a rolled-back change
and none is lost for a committed one; the worker sends it outside any row lock, through the sender of its
channel (`senders`): the sandbox outbox by default, SMTP for email, Twilio's Messages API for sms and wa.
One outbox serves every domain: a message knows its channel, recipient and body, not what it is for; each
owner keeps the id on its own row (a payment link; identity's `OutboundMessage`, the tenant's record of a code
that the sandbox outbox endpoints show) and reads the delivery back through `service`.
"""
