-- The scores of every node of a methodology's tree, per zone of a snapshot (JSON: top-level nodes, each with its
-- children). The five pillar columns stay for methodologies that have those pillars; null for snapshots stored
-- before node scores were kept.
alter table zone_score add column node_scores text;
