"""Settings, read from the environment by ``load_settings()``; never built at import time."""

from __future__ import annotations

import os
import re
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict

DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 8000
DEFAULT_SIGN_UPS_PER_HOUR = 50
EMERGENCY_NUMBERS = {"en-GB": "999", "en-US": "911"}
"""Emergency numbers by locale where the usual one is not 112."""
DEFAULT_EMERGENCY_NUMBER = "112"
"""The number that reaches emergency services across Europe and from most mobile phones."""


class Settings(BaseModel):
    """Where data lives and how the app runs.

    ``BACKCARE_HOME`` moves everything (tests, portable installs).
    """

    model_config = ConfigDict(frozen=True, defer_build=True)

    home: Path
    cache_dir: Path
    database_url: str
    mode: Literal["local", "server"] = "local"
    secret_key: str | None = None
    cookie_secure: bool = True
    """Server mode marks its session cookie ``Secure`` (HTTPS only); ``BACKCARE_COOKIE_SECURE=0``
    is for plain-HTTP tests on loopback."""
    sign_ups_per_hour: int = DEFAULT_SIGN_UPS_PER_HOUR
    """Sign-ups allowed per client address per hour (server mode); a clinic registering its
    patients from one front-desk address may raise it with ``BACKCARE_SIGN_UPS_PER_HOUR``."""
    quiet_hours: str = ""
    """Daily quiet windows for break reminders, ``BACKCARE_QUIET_HOURS="12:00-13:00,…"`` (local
    time), on top of those each person sets on the Breaks page."""

    emergency_number: str = DEFAULT_EMERGENCY_NUMBER
    """The number the urgent and emergency pages offer to call (``BACKCARE_EMERGENCY_NUMBER``;
    by default chosen from the locale: 999 in en-GB, 911 in en-US, 112 elsewhere)."""

    @property
    def is_sqlite(self) -> bool:
        return self.database_url.startswith("sqlite")


def load_settings(environ: dict[str, str] | None = None) -> Settings:
    """Build settings from environment variables (``BACKCARE_*``) and platform directories."""
    env = dict(os.environ if environ is None else environ)
    if env.get("BACKCARE_HOME"):
        home = Path(env["BACKCARE_HOME"]).expanduser()
        cache_dir = home / "cache"
    else:
        import platformdirs

        home = Path(platformdirs.user_data_dir("backcare", appauthor=False))
        cache_dir = Path(platformdirs.user_cache_dir("backcare", appauthor=False))
    database_url = env.get("BACKCARE_DATABASE_URL") or f"sqlite:///{home / 'backcare.db'}"
    raw_mode = env.get("BACKCARE_MODE", "local")
    if raw_mode not in ("local", "server"):
        from backcare.errors import InputError

        raise InputError(f"BACKCARE_MODE must be 'local' or 'server', not {raw_mode!r}")
    mode: Literal["local", "server"] = "server" if raw_mode == "server" else "local"
    # Every value is already of its field's type (each is checked above or in its helper), so
    # nothing is validated again: building pydantic's validator costs every command's start.
    return Settings.model_construct(
        home=home,
        cache_dir=cache_dir,
        database_url=database_url,
        mode=mode,
        secret_key=env.get("BACKCARE_SECRET_KEY"),
        cookie_secure=env.get("BACKCARE_COOKIE_SECURE", "1").lower() not in ("0", "false", "no"),
        sign_ups_per_hour=_positive_int(
            env, "BACKCARE_SIGN_UPS_PER_HOUR", DEFAULT_SIGN_UPS_PER_HOUR
        ),
        emergency_number=_emergency_number(env),
        quiet_hours=_quiet_hours(env.get("BACKCARE_QUIET_HOURS", "")),
    )


def locale_of(env: dict[str, str]) -> str | None:
    """``en_GB.UTF-8`` → ``en-GB``: the locale from ``BACKCARE_LOCALE``, ``LC_ALL`` or ``LANG``."""
    for name in ("BACKCARE_LOCALE", "LC_ALL", "LANG"):
        if raw := env.get(name):
            language, _, region = raw.split(".")[0].replace("-", "_").partition("_")
            return f"{language.lower()}-{region.upper()}" if region else language.lower()
    return None


def _emergency_number(env: dict[str, str]) -> str:
    raw = env.get("BACKCARE_EMERGENCY_NUMBER", "").strip()
    if not raw:
        return EMERGENCY_NUMBERS.get(locale_of(env) or "", DEFAULT_EMERGENCY_NUMBER)
    if not re.fullmatch(r"\+?[0-9]{2,15}", raw):
        from backcare.errors import InputError

        raise InputError(f"BACKCARE_EMERGENCY_NUMBER must be a phone number, not {raw!r}")
    return raw


def _quiet_hours(raw: str) -> str:
    """Checked and normalised; a bad window is a one-line error naming the variable."""
    if not raw.strip():
        return ""
    from backcare.session.quiet import format_quiet_hours, parse_quiet_hours

    return format_quiet_hours(parse_quiet_hours(raw, field="BACKCARE_QUIET_HOURS"))


def _positive_int(env: dict[str, str], name: str, default: int) -> int:
    raw = env.get(name)
    if raw is None or raw == "":
        return default
    if not raw.isdigit() or int(raw) < 1:
        from backcare.errors import InputError

        raise InputError(f"{name} must be a whole number of at least 1, not {raw!r}")
    return int(raw)
