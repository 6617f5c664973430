"""Events and storylines: online clustering of articles in publication order.

Public API:

- :class:`OnlineClusterer` (``assign(article) -> Assignment``), over a :class:`ClusterIndex`
  (:class:`MemoryIndex` here, ``storyline.store.cluster.SqliteClusterIndex`` on a database);
- :func:`cluster_articles` (article id -> event id) and :func:`cluster_with_storylines` for batches;
- :func:`link_storylines` (event id -> storyline id, from assignments);
- :func:`group_title` for the title of an event or storyline from its articles.
"""

from __future__ import annotations

from storyline.cluster.index import Cluster, ClusterIndex, MemoryIndex
from storyline.cluster.online import (
    Assignment,
    Model,
    OnlineClusterer,
    cluster_articles,
    cluster_with_storylines,
    link_storylines,
    sort_key,
)
from storyline.cluster.titles import group_title

__all__ = [
    "Assignment", "Cluster", "ClusterIndex", "MemoryIndex", "Model", "OnlineClusterer",
    "cluster_articles", "cluster_with_storylines", "group_title", "link_storylines", "sort_key",
]
