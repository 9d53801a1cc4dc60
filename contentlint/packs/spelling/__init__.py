"""The spelling pack: slips that spell-checkers pass, decided by context."""
