-- Lists that scale, PostgreSQL only: indexes on expressions (H2 has none), for the sorts by name,
-- which compare lower(name), and for "last used", where never used comes first.
create index acc_user_company_name_ix on acc_user (company_id, lower(name), id);
-- API keys sorted by their user: walk the users by name, then each one's keys in the account.
create index acc_user_name_ix on acc_user (lower(name), email_key, id);
create index key_api_key_account_name_ix on key_api_key (account_id, lower(name), id);
create index key_api_key_account_used_ix on key_api_key (account_id, last_used_at nulls first, id);
