-- The catalogue's comparability metadata on each metric row (src/metric-catalogue.ts): seasonal adjustment,
-- whether values are classified on one scale or per country, the default colour scheme, the comparability
-- note and, for derived measures, how they are computed.
alter table metrics add column seasonal_adjustment text not null default '';
alter table metrics add column classify text not null default 'common' check (classify in ('common', 'per-country'));
alter table metrics add column scheme text not null default 'sequential' check (scheme in ('sequential', 'diverging'));
alter table metrics add column comparability text not null default '';
alter table metrics add column derivation text;
