"""Notifications: messages Migo sends to people (a payment link to its end customer), through an outbox.

Its own small domain, below payments and identity, beside events: a message is a row written in the caller's
transaction (with the job that sends it, both riding with the COMMIT), so none is sent for a rolled-back change
and none is lost for a committed one; the worker sends it outside any row lock, through the sender of its
channel (`senders`): the sandbox outbox by default, SMTP for email, Twilio's Messages API for sms and wa.
Identity's one-time-code messages keep their own table for now (`identity.OutboundMessage`, read by the
sandbox outbox endpoints); the senders here are the transport meant to serve them too.
"""
