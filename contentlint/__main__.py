"""Run contentlint as ``python -m contentlint``."""

from contentlint.cli import main

main()
