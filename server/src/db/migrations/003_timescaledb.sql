-- observations becomes a TimescaleDB hypertable when the extension can be loaded; otherwise it stays a
-- plain table with the same (metric, region, time) primary key.
do $$
begin
  if exists (select 1 from pg_available_extensions where name = 'timescaledb') then
    begin
      create extension if not exists timescaledb;
      perform create_hypertable('observations', 'time', if_not_exists => true, migrate_data => true);
    exception when others then
      raise notice 'TimescaleDB not used: %', sqlerrm;
    end;
  end if;
end
$$;
