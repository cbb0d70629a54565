"""Store: the DuckDB file that holds articles, event mentions and errors.

    with EventStore("events.duckdb") as store:
        store.save(article, events)      # replaces the article's earlier mentions
        store.events("doc-1")            # -> list[Event]
"""

from eventwire.store.duck import ErrorRecord, EventStore, StoreError, StoreNeedsUpgrade, text_hash
from eventwire.store.migrations import MIGRATIONS, SCHEMA_VERSION, Migration

__all__ = [
    "MIGRATIONS", "SCHEMA_VERSION", "ErrorRecord", "EventStore", "Migration", "StoreError",
    "StoreNeedsUpgrade",
    "text_hash",
]
