"""Deliver: the digest as an e-mail (text and HTML alternatives, the PDF attached) over SMTP."""

from briefing.deliver.message import build_message, subject_for
from briefing.deliver.smtp import DeliveryError, send

__all__ = ["DeliveryError", "build_message", "send", "subject_for"]
