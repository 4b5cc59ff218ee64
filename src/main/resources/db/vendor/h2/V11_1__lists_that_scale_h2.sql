-- Lists that scale, H2: nothing to add. The PostgreSQL twin of this version adds indexes on
-- expressions, which H2 does not have; the embedded database holds small lists, sorted quickly
-- without them.
select 1;
