"""Layer 3: questions asked of a linked corpus.

Selection by filter, search, chart counts, the actor network, ACH, the watch board and the
changes between two editions.
"""
