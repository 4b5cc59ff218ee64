-- Seeds one company with a full year of usage for the usage-view benchmark (bench/usage/run-usage.sh,
-- USE-6): 10 000 API keys, each called every day of the last 365 days (3 650 000 detail rows in
-- use_counter), 20 applications called daily, and the day and period totals the meter's flush
-- would have written for them. PostgreSQL only; run with psql:
--   psql -v company=<company id> -v admin=<admin user id> -v sealed=<a sealed secret> -f seed-usage.sql
-- The company's allocation starts 364 days before today, so today is the last day of its period.
-- The seeded keys reuse one sealed secret: rows to name in the breakdown, not credentials.
\set ON_ERROR_STOP on
\timing on

update acc_account set allocation_start = current_date - 364, allocation_override = 100000000
 where id = :'company';

create temporary table seed_key as
  select n, gen_random_uuid() as id from generate_series(1, 10000) n;

insert into key_api_key (id, account_id, user_id, name, access_key, secret_sealed, scopes,
                         stack_key, created_at, created_by, last_used_at)
  select id, :'company', :'admin', 'usage key ' || n, 'UK' || lpad(n::text, 22, '0'),
         :'sealed', 1, 'public', now() - interval '400 days', null, null
    from seed_key;

update key_account_count
   set key_count = (select count(*) from key_api_key where account_id = :'company')
 where account_id = :'company';

-- the detail: every key, every day, 1..20 calls, in one of the three default endpoint groups
insert into use_counter (account_id, call_day, application_id, key_id, user_id, endpoint_group, calls)
  select :'company', d::date, '00000000-0000-0000-0000-000000000000', k.id, :'admin',
         (array['platform', 'developer', 'proxy'])[1 + k.n % 3],
         1 + (k.n * 7 + (d::date - current_date)) % 20
    from seed_key k
   cross join generate_series(current_date - 364, current_date, interval '1 day') d;

-- 20 applications (tokens: no key) called by the admin every day
insert into use_counter (account_id, call_day, application_id, key_id, user_id, endpoint_group, calls)
  select :'company', d::date, ('00000000-0000-0000-0000-' || lpad(a::text, 12, '0'))::uuid,
         '00000000-0000-0000-0000-000000000000', :'admin', 'platform', 50 + a
    from generate_series(1, 20) a
   cross join generate_series(current_date - 364, current_date, interval '1 day') d;

insert into use_day_total (account_id, call_day, calls)
  select :'company', call_day, sum(calls) from use_counter where account_id = :'company' group by call_day;

insert into use_period_total (account_id, period_start, dimension, dim_key, calls)
  select cast(:'company' as uuid), current_date - 364, 'all', '', sum(calls)
    from use_counter where account_id = :'company'
  union all
  select cast(:'company' as uuid), current_date - 364, 'apiKey', key_id::text, sum(calls)
    from use_counter where account_id = :'company'
     and key_id <> '00000000-0000-0000-0000-000000000000' group by key_id
  union all
  select cast(:'company' as uuid), current_date - 364, 'application', application_id::text, sum(calls)
    from use_counter where account_id = :'company'
     and application_id <> '00000000-0000-0000-0000-000000000000' group by application_id
  union all
  select cast(:'company' as uuid), current_date - 364, 'user', user_id::text, sum(calls)
    from use_counter where account_id = :'company' group by user_id
  union all
  select cast(:'company' as uuid), current_date - 364, 'endpoint', endpoint_group, sum(calls)
    from use_counter where account_id = :'company' group by endpoint_group;

vacuum analyze key_api_key;
vacuum analyze use_counter;
vacuum analyze use_day_total;
vacuum analyze use_period_total;
