#!/usr/bin/env bash
# Runs once on an empty data directory (docker-entrypoint-initdb.d): one role and one database per service.
# Each service owns its database; Flyway in the service creates the schema at start-up.
set -euo pipefail
: "${INDICATOR_DB_PASSWORD:?}" "${EVALUATION_DB_PASSWORD:?}"
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname postgres \
     -v indicator_pw="$INDICATOR_DB_PASSWORD" -v evaluation_pw="$EVALUATION_DB_PASSWORD" <<'SQL'
CREATE ROLE indicator LOGIN PASSWORD :'indicator_pw';
CREATE ROLE evaluation LOGIN PASSWORD :'evaluation_pw';
CREATE DATABASE indicator OWNER indicator;
CREATE DATABASE evaluation OWNER evaluation;
REVOKE ALL ON DATABASE indicator FROM PUBLIC;
REVOKE ALL ON DATABASE evaluation FROM PUBLIC;
SQL
