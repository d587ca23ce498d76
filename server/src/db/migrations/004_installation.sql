-- One row: this database's identity. Instances sharing a database share cache entries and rate limits
-- in Redis under it; different databases (e.g. test databases) never see each other's.
create table installation (
  id text primary key default gen_random_uuid()::text,
  created_at timestamptz not null default now()
);
insert into installation default values;
