"""Layer 2: the topic-file format.

The model, the entry kinds and their field types, finding, parsing, checking, linking and
caching topic files, and which folders make the corpus.
"""
