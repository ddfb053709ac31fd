-- Who sent a held status (the API key's name, or the platform for signed deliveries), so the status is applied
-- under that client once its request is recorded. Rows held before this version have none: "unknown".
alter table webhook_pending_status add column client varchar;
