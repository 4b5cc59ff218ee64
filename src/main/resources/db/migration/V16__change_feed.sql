-- system module, issue 8: the one change feed of every cache (DESIGN "Caches and revocation at
-- scale", docs/change-feed.md). One row per change that a cache on some node may hold, written in
-- the transaction of the change: a topic (owned by the module that writes it: user, account,
-- api-key, grant) and the subject that changed (a user id, an access key, an authorization id ...).
-- Every node reads the rows of the last seconds once a second by changed_at (indexed) and hands
-- them to the caches of that topic; old rows are purged.
create table change_feed (
    id          uuid primary key,
    topic       varchar(32)  not null,
    subject     varchar(128) not null,
    changed_at  timestamp with time zone not null
);
create index change_feed_changed_ix on change_feed (changed_at);

-- The API keys' own feed (V7) is replaced by change_feed (topics api-key, user, account).
drop table key_change;
