-- Seeds one company with 100 000 users and 1 000 000 API keys (10 per user), for the list
-- benchmarks (bench/lists/run-lists.sh). PostgreSQL only; run with psql:
--   psql -v company=<company id> -v sealed=<a sealed secret of this server> -f bench/lists/seed.sql
-- The company and its admin are created through the API first, so the admin can sign in and has
-- a working key. The seeded keys reuse one sealed secret: they are rows to list, not credentials
-- (no seeded key verifies), and the start-up re-encryption sees them as current.
\set ON_ERROR_STOP on
\timing on

create temporary table seed_user as
  select n, gen_random_uuid() as id, gen_random_uuid() as personal
    from generate_series(1, 100000) n;

insert into acc_account (id, type, name, plan, domain, allocation_start, created_at)
  select personal, 'INDIVIDUAL', 'Bench user ' || n, 'FREE', null, current_date, now()
    from seed_user;

insert into acc_user (id, email, email_key, name, password_hash, license, state, operator,
                      personal_account_id, company_id, company_role, created_at)
  select id,
         'bench-' || n || '@bench.test',
         'bench-' || n || '@bench.test',
         (array['Ada', 'Bob', 'Cleo', 'Dan', 'Eve', 'Finn', 'Gus', 'Hana'])[1 + n % 8]
           || ' ' || substr(md5(n::text), 1, 8),
         null,
         case when n % 10 = 0 then 'LIGHT' else 'FULL' end,
         case when n % 50 = 0 then 'SUSPENDED' else 'ACTIVE' end,
         false, personal, :'company', 'MEMBER',
         now() - make_interval(mins => n)
    from seed_user;

insert into key_api_key (id, account_id, user_id, name, access_key, secret_sealed, scopes,
                         stack_key, created_at, created_by, last_used_at)
  select gen_random_uuid(), :'company', u.id,
         'bench key ' || k || ' of user ' || u.n,
         'BK' || lpad((u.n * 10 + k)::text, 22, '0'),
         :'sealed', 1, 'public',
         now() - make_interval(secs => u.n * 10 + k),
         null,
         case when k % 3 = 0 then null else now() - make_interval(secs => (u.n * 7 + k) % 86400) end
    from seed_user u cross join generate_series(0, 9) k;

-- the kept count (key_account_count) of the API's creations; bulk inserts bypass it
update key_account_count
   set key_count = (select count(*) from key_api_key where account_id = :'company')
 where account_id = :'company';

vacuum analyze acc_account;
vacuum analyze acc_user;
vacuum analyze key_api_key;
-- write the seeded pages out now, not during the measurement
checkpoint;
select (select count(*) from acc_user where company_id = :'company') as users,
       (select count(*) from key_api_key where account_id = :'company') as keys;
