"""SMTP delivery, one transaction per recipient so each delivery can be recorded alone.

Credentials come from the environment variables the config names; neither the password
nor the variable's value ever reaches a log line or an error message.
"""

from __future__ import annotations

import logging
import os
import smtplib
import ssl
from collections.abc import Callable, Sequence
from email.utils import parseaddr

from briefing.config import Email
from briefing.errors import BriefingError

log = logging.getLogger("briefing.deliver")


class DeliveryError(BriefingError):
    """The digest could not be (fully) delivered; it stays pending."""


def _credentials(cfg: Email) -> tuple[str, str] | None:
    if not cfg.username_env:
        return None
    values = []
    for key, name in (("username_env", cfg.username_env), ("password_env", cfg.password_env)):
        value = os.environ.get(name or "")
        if not value:
            raise DeliveryError(f"environment variable {name} (email.{key}) is not set")
        values.append(value)
    return values[0], values[1]


def _redact(value: object, secret: str | None) -> str:
    if isinstance(value, bytes):
        value = value.decode("utf-8", "replace")
    text = " ".join(str(value).split())
    return text.replace(secret, "***") if secret else text


def _tls(ca_file: str | None) -> ssl.SSLContext:
    return ssl.create_default_context(cafile=ca_file)


def _connect(cfg: Email, ca_file: str | None) -> smtplib.SMTP:
    if cfg.security == "ssl":
        conn: smtplib.SMTP = smtplib.SMTP_SSL(
            cfg.host, cfg.port, timeout=cfg.timeout, context=_tls(ca_file)
        )
    else:
        conn = smtplib.SMTP(cfg.host, cfg.port, timeout=cfg.timeout)
    conn.ehlo()
    if cfg.security == "starttls":
        if not conn.has_extn("starttls"):
            conn.close()
            raise DeliveryError(f"{cfg.host}:{cfg.port} does not offer STARTTLS")
        conn.starttls(context=_tls(ca_file))
        conn.ehlo()
    return conn


def send(
    message: bytes,
    recipients: Sequence[str],
    cfg: Email,
    *,
    on_sent: Callable[[str], None],
    ca_file: str | None = None,
) -> None:
    """Send ``message`` to each of ``recipients``; ``on_sent(r)`` right after the server
    accepted it for ``r``. Raises ``DeliveryError`` (one line) if any recipient is left."""
    where = f"{cfg.host}:{cfg.port}"
    creds = _credentials(cfg)
    secret = creds[1] if creds else None
    envelope_from = parseaddr(cfg.from_)[1]
    refused: dict[str, str] = {}
    try:
        conn = _connect(cfg, ca_file)
    except DeliveryError:
        raise
    except smtplib.SMTPException as exc:
        raise DeliveryError(f"SMTP server {where}: {_redact(exc, secret)}") from None
    except ssl.SSLError as exc:
        raise DeliveryError(f"SMTP server {where}: TLS failed: {_redact(exc, secret)}") from None
    except OSError as exc:
        reason = exc.strerror or exc.__class__.__name__
        raise DeliveryError(f"cannot reach SMTP server {where}: {reason}") from None
    try:
        if creds is not None:
            if not conn.has_extn("auth"):
                raise DeliveryError(f"SMTP server {where} offers no login (AUTH)")
            try:
                conn.login(creds[0], creds[1])
            except smtplib.SMTPAuthenticationError as exc:
                detail = _redact(exc.smtp_error, secret)
                raise DeliveryError(
                    f"SMTP server {where} refused the login from ${cfg.username_env}/"
                    f"${cfg.password_env}: {exc.smtp_code} {detail}"
                ) from None
        for rcpt in recipients:
            try:
                conn.sendmail(envelope_from, [parseaddr(rcpt)[1]], message)
            except smtplib.SMTPRecipientsRefused as exc:
                code, text = next(iter(exc.recipients.values()))
                refused[rcpt] = f"{code} {_redact(text, secret)}"
                continue
            except smtplib.SMTPDataError as exc:
                refused[rcpt] = f"{exc.smtp_code} {_redact(exc.smtp_error, secret)}"
                continue
            on_sent(rcpt)
            log.info("sent to %s", rcpt)
    except DeliveryError:
        raise
    except smtplib.SMTPException as exc:
        raise DeliveryError(f"SMTP server {where}: {_redact(exc, secret)}") from None
    except OSError as exc:
        raise DeliveryError(f"SMTP server {where}: connection lost: {exc}") from None
    finally:
        try:
            conn.quit()
        except (smtplib.SMTPException, OSError):
            conn.close()
    if refused:
        detail = "; ".join(f"{r}: {why}" for r, why in refused.items())
        raise DeliveryError(f"SMTP server {where} refused {detail}")
