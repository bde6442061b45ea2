"""One router per area: ``api_*`` modules answer JSON under ``/api``, ``pages`` renders HTML."""
