"""``GET /api/health``: is the app up, which version, how big is its knowledge base."""

from __future__ import annotations

from typing import Literal

from fastapi import APIRouter
from pydantic import BaseModel

from backcare import __version__
from backcare.web.deps import KbDep, SettingsDep

router = APIRouter(tags=["health"])


class Health(BaseModel):
    status: Literal["ok"]
    version: str
    mode: Literal["local", "server"]
    entries: int


@router.get("/health")
def health(kb: KbDep, settings: SettingsDep) -> Health:
    """Answers without touching personal data, so monitors and tests can poll it."""
    return Health(status="ok", version=__version__, mode=settings.mode, entries=len(kb))
