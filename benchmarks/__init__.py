"""Benchmarks: scripts that print figures (tests assert behaviour, these measure speed)."""
