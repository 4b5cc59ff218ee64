-- Seeds 100 000 OAuth applications into the bench company (each with one to three redirect URLs,
-- every other one with an OAuth URL), for the application list benchmarks
-- (bench/lists/run-lists.sh). PostgreSQL only; run with psql after seed.sql:
--   psql -v company=<company id> -f bench/lists/seed-applications.sql
-- The client secrets are one fixed hash: rows to list, not credentials (no seeded app
-- authenticates). Names repeat a few stems, so sorting by name has ties for the id to break.
\set ON_ERROR_STOP on
\timing on

create temporary table seed_app as
  select n, gen_random_uuid() as id from generate_series(1, 100000) n;

insert into app_application (id, owner_account_id, name, name_key, primary_format, summary, type,
                             oauth_url, supports_collaboration, scopes, admin_team_id, client_id,
                             secret_hash, secret_created_at, consent_epoch, access_token_seconds,
                             refresh_token_seconds, skip_consent, created_at, created_by, updated_at)
  select a.id, :'company', v.name, lower(v.name),
         'com.bench.app-' || a.n,
         'Bench application number ' || a.n || ', seeded for the list benchmarks.',
         (array['INTEGRATED_CLOUD', 'CONNECTED_CLOUD', 'CONNECTED_DESKTOP'])[1 + a.n % 3],
         case when a.n % 2 = 0 then 'https://app-' || a.n || '.bench.test/oauth/start' end,
         a.n % 5 = 0, 2 + (a.n % 4) * 4, null,
         'BenchClient' || lpad(a.n::text, 12, '0') || '=',
         md5('bench-secret') || md5('bench-secret'),
         now() - make_interval(secs => a.n * 30), 0, 3600, null, false,
         now() - make_interval(secs => a.n * 30), null, now() - make_interval(secs => a.n * 30)
    from seed_app a
   cross join lateral (
     select (array['Acme', 'Bolt', 'CAD', 'Drafting', 'Export', 'Fusion', 'Gear', 'Hub'])[1 + a.n % 8]
              || ' ' || substr(md5(a.n::text), 1, 6) as name) v;

insert into app_redirect_url (application_id, position, url)
  select a.id, p, 'https://app-' || a.n || '.bench.test/callback/' || p
    from seed_app a cross join generate_series(0, 2) p
   where p <= a.n % 3;

-- the kept count (app_account_count) of the registrations; bulk inserts bypass it
insert into app_account_count (account_id, app_count)
  select :'company', count(*) from app_application where owner_account_id = :'company'
  on conflict (account_id) do update set app_count = excluded.app_count;

vacuum analyze app_application;
vacuum analyze app_redirect_url;
checkpoint;
select (select count(*) from app_application where owner_account_id = :'company') as apps,
       (select app_count from app_account_count where account_id = :'company') as kept_count,
       (select count(*) from app_redirect_url r join app_application a on a.id = r.application_id
         where a.owner_account_id = :'company') as redirect_urls;
