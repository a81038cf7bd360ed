-- PostgreSQL for the RangeGuard fleet service (run once as a superuser, e.g. psql -f create-database.sql).
-- The service applies its own schema migrations at start (Storage/Migrations, recorded in schema_migrations), so its
-- login owns the database's public schema. Use a managed/HA PostgreSQL (primary + streaming replica, or a cloud service)
-- and point every instance at the primary (or at a connection pooler such as PgBouncer in session mode).
CREATE ROLE rangeguard_fleet LOGIN PASSWORD 'CHANGE-ME';
CREATE DATABASE rangeguard OWNER rangeguard_fleet ENCODING 'UTF8' TEMPLATE template0;
\connect rangeguard
ALTER SCHEMA public OWNER TO rangeguard_fleet;
