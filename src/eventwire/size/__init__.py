"""Size: how many were killed, injured or arrested, and which event the count belongs to.

PLOVER's ``size`` object (dead, injured, arrested), read from the dependency parse:
numbers.py reads number phrases, counts.py finds the ones a casualty word governs,
owner.py gives each count to the event it describes. See docs/CODING.md, "Size".
"""

from eventwire.size.counts import Count, find_counts
from eventwire.size.lexicon import CountWords
from eventwire.size.owner import owner_of
from eventwire.size.record import size_of, sizes_for

__all__ = ["Count", "CountWords", "find_counts", "owner_of", "size_of", "sizes_for"]
