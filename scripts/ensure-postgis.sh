#!/usr/bin/env bash
# Make sure a PostgreSQL with the PostGIS extension answers on 127.0.0.1:5432 for the tests.
# These machines run one with trust auth; on a fresh Debian machine, install and start one,
# with the password the test URL uses.
set -euo pipefail
here=$(dirname "$0")
"$here/install-system-packages.sh" postgresql-client
if ! pg_isready -q -h 127.0.0.1 -p 5432; then
  "$here/install-system-packages.sh" postgresql
  version=$(ls /usr/lib/postgresql | sort -V | tail -n 1)
  pg_ctlcluster --skip-systemctl-redirect "$version" main start || true
  for _ in $(seq 30); do pg_isready -q -h 127.0.0.1 -p 5432 && break; sleep 1; done
  su postgres -c "psql -q -c \"ALTER USER postgres PASSWORD 'postgres'\""
fi
version=$(psql -h 127.0.0.1 -U postgres -d postgres -Atc "SHOW server_version_num" 2>/dev/null | cut -c1-2)
[ -n "$version" ] || version=$(ls /usr/lib/postgresql | sort -V | tail -n 1)
"$here/install-system-packages.sh" "postgresql-$version-postgis-3"
