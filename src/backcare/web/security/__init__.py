"""Server mode's security, one concern a module, dependencies pointing one way:

``guard`` (the middleware and what a request carries) → ``accounts`` (sign-up and login) →
``login_sessions`` (cookies and their rows) and ``limits`` (shared rate limits) → the store;
``csrf`` and ``headers`` stand alone; ``openapi`` documents the rules. Nothing here imports the
routes or ``web.deps``: ``web.server_mode`` wires these modules into the app.
"""
