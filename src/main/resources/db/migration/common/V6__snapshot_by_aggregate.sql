-- Axon reads a pair's latest snapshot by aggregate id (order by sequence desc) and deletes the older ones
-- the same way; the primary key starts with the sequence number, so without this both scan the table.
create index snapshot_by_aggregate on snapshot_event_entry (aggregate_identifier, sequence_number);
