"""Layer 1: foundations that know nothing of topics.

Value records, safe text, output formats, errors, partial dates and the document tree.
"""
