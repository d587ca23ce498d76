-- pg_stat_statements (per-statement time, calls, rows) where the server offers it: created when
-- pg_available_extensions lists it, skipped otherwise (PGlite has none). Creating it needs a superuser or
-- the database owner on a server that marks it trusted; without that right the migration notes it and goes
-- on, as the statistics are an operator's aid, not something the API needs. It only collects once the
-- server loads the library: shared_preload_libraries = 'pg_stat_statements' (docs/operations.md).
do $$
begin
  if exists (select 1 from pg_available_extensions where name = 'pg_stat_statements') then
    begin
      create extension if not exists pg_stat_statements;
    exception when insufficient_privilege then
      raise notice 'pg_stat_statements not created: %', sqlerrm;
    end;
  end if;
end
$$;
