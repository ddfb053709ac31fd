-- Payloads, metadata and tokens move from H2's separate LOB store into the rows (H2InlineBinaryDialect):
-- one B-tree per table instead of four, so fewer pages written per commit and no LOB lookups when reading.
alter table domain_event_entry alter column meta_data set data type binary varying;
alter table domain_event_entry alter column payload set data type binary varying;
alter table snapshot_event_entry alter column meta_data set data type binary varying;
alter table snapshot_event_entry alter column payload set data type binary varying;
alter table token_entry alter column token set data type binary varying;
alter table saga_entry alter column serialized_saga set data type binary varying;
alter table dead_letter_entry alter column diagnostics set data type binary varying;
alter table dead_letter_entry alter column meta_data set data type binary varying;
alter table dead_letter_entry alter column payload set data type binary varying;
alter table dead_letter_entry alter column token set data type binary varying;
