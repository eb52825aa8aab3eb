"""Reference data that seeds the rules and the database (installed as ``tracker.seeds``)."""
