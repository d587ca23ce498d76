-- The Chronos schema, shared by PostgreSQL and PGlite. PostGIS and TimescaleDB parts are in later,
-- guarded migrations so this file runs on both stores.
create table region_sets (
  id text primary key,
  title text not null,
  country text not null,
  level text not null
);

create table regions (
  code text primary key,
  set_id text not null references region_sets (id) on delete cascade,
  name text not null,
  name_fr text,
  country text not null,
  level text not null
);
create index regions_set_id on regions (set_id);

-- Precomputed simplified, quantized geometry (MultiPolygon coordinates) per detail level.
create table region_shapes (
  code text not null references regions (code) on delete cascade,
  detail text not null check (detail in ('low', 'medium', 'high')),
  geometry jsonb not null,
  primary key (code, detail)
);

create table metrics (
  id text primary key,
  title text not null,
  description text not null default '',
  units text not null,
  number_format jsonb,
  frequency text not null check (frequency in ('daily', 'monthly', 'quarterly', 'annual')),
  higher_is_better boolean,
  sources jsonb not null default '[]',
  is_sample boolean not null default false,
  updated_at timestamptz not null default now()
);

create table observations (
  metric text not null references metrics (id) on delete cascade,
  region text not null references regions (code) on delete cascade,
  time date not null,
  value double precision,
  status text not null default 'final' check (status in ('final', 'preliminary', 'revised', 'sample')),
  source text,
  ingested_at timestamptz not null default now(),
  primary key (metric, region, time)
);
create index observations_metric_time on observations (metric, time);

create table data_versions (
  scope text primary key,
  version bigint not null default 0,
  updated_at timestamptz not null default now()
);
insert into data_versions (scope, version) values ('data', 0), ('boundaries', 0);

create table ingestion_runs (
  id bigserial primary key,
  source text not null,
  started_at timestamptz not null default now(),
  finished_at timestamptz,
  status text not null check (status in ('running', 'succeeded', 'partial', 'failed', 'rescheduled')),
  rows_inserted integer not null default 0,
  rows_updated integer not null default 0,
  rows_unchanged integer not null default 0,
  errors jsonb not null default '[]'
);

create table api_keys (
  id text primary key,
  key_hash text not null unique,
  prefix text not null,
  label text not null default '',
  origins text[] not null default '{}',
  rate_limit integer not null check (rate_limit > 0),
  created_at timestamptz not null default now(),
  revoked_at timestamptz
);
