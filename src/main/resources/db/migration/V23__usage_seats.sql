-- usage module (USE-1): the seats each allocation period of a company-type account is based on,
-- so that "a seat added mid-period adds a pro-rated share at once" is decided once, in the
-- database, the same on every node. One row per account and period, written in the transaction
-- of the first seat change of the period (and of every later one), under the account's row lock:
-- the seats at the period's start, the most seats the period has had so far (high-water marks:
-- a seat removed and added again does not add twice) and, per kind, the sum over every seat
-- added beyond the mark of its remaining days in the period. The allocation is then
-- per seat x seats at start + floor(per seat x seat days / period days). A period without a row
-- had no seat change: its seats are the current ones.
create table use_seat_period (
    account_id     uuid   not null,
    period_start   date   not null,
    users_at_start bigint not null,
    full_at_start  bigint not null,
    users_high     bigint not null,
    full_high      bigint not null,
    user_seat_days bigint not null,
    full_seat_days bigint not null,
    updated_at     timestamp with time zone not null,
    primary key (account_id, period_start)
);
