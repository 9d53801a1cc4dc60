"""Readers: one module per input format, each turning decoded text into prose blocks."""
