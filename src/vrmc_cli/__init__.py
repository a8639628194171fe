"""vrmc: briefings, timelines, actors and arms transfers from YAML topic files."""

__version__ = "1.0.0"
