-- Events' multilingual embedding centroids (storyline/cluster/embed.py, the optional extra): the
-- float32 vectors packed by Cluster.pack_dense, NULL for events placed without embeddings. The index
-- on recency serves the dense pool, which holds the most recently updated events' centroids.
ALTER TABLE cluster_state ADD COLUMN dense BLOB;
CREATE INDEX IF NOT EXISTS cluster_state_recent ON cluster_state (kind, last_seq);
