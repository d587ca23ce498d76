-- Canonical geometry in PostGIS when the extension is available (PostgreSQL); a no-op on PGlite and on
-- servers without PostGIS, where the precomputed region_shapes serve every request on their own.
do $$
begin
  if exists (select 1 from pg_available_extensions where name = 'postgis') then
    create extension if not exists postgis;
    execute 'alter table regions add column if not exists geom geometry(MultiPolygon, 4326)';
    execute 'alter table regions add constraint regions_geom_valid check (geom is null or ST_IsValid(geom))';
    execute 'create index if not exists regions_geom_gist on regions using gist (geom)';
  end if;
end
$$;
