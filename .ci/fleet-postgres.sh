#!/usr/bin/env bash
# A private PostgreSQL cluster for the fleet service tests (tests/RangeGuard.Fleet.Tests): initdb into a temp folder, run
# by an unprivileged user on a free loopback port with a random password. Source it: it exports RANGEGUARD_FLEET_PG and
# defines fleet_postgres_stop (call it from a trap). Used by .ci/run; developers can source it too.
set -euo pipefail

pgbin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
if [ -z "$pgbin" ] || [ ! -x "$pgbin/initdb" ]; then
  echo "fleet-postgres: no /usr/lib/postgresql/*/bin/initdb (apt-get install postgresql)" >&2
  return 1 2>/dev/null || exit 1
fi

fleet_pg_dir=$(mktemp -d /tmp/rangeguard-pg.XXXXXX)
fleet_pg_user=$(id -un)
if [ "$(id -u)" = 0 ]; then
  # PostgreSQL refuses to run as root: use the package's postgres account (or a dedicated one).
  fleet_pg_user=postgres
  id -u "$fleet_pg_user" >/dev/null 2>&1 || useradd --system --no-create-home --shell /usr/sbin/nologin "$fleet_pg_user"
  chown "$fleet_pg_user" "$fleet_pg_dir"
fi
fleet_pg_as() { if [ "$(id -u)" = 0 ]; then runuser -u "$fleet_pg_user" -- "$@"; else "$@"; fi; }

fleet_pg_port=$(/usr/bin/python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
fleet_pg_password=$(head -c 18 /dev/urandom | base64 | tr -d '/+=')
printf '%s\n' "$fleet_pg_password" > "$fleet_pg_dir/pw"
chmod 600 "$fleet_pg_dir/pw"
[ "$(id -u)" = 0 ] && chown "$fleet_pg_user" "$fleet_pg_dir/pw"
fleet_pg_as "$pgbin/initdb" -D "$fleet_pg_dir/data" -U rangeguard --auth=scram-sha-256 --pwfile="$fleet_pg_dir/pw" -E UTF8 --no-locale >/dev/null
rm -f "$fleet_pg_dir/pw"
fleet_pg_as "$pgbin/pg_ctl" -D "$fleet_pg_dir/data" -l "$fleet_pg_dir/server.log" -w -t 60 \
  -o "-p $fleet_pg_port -c listen_addresses=127.0.0.1 -k $fleet_pg_dir -c max_connections=300 -c fsync=off" start >/dev/null

export RANGEGUARD_FLEET_PG="Host=127.0.0.1;Port=$fleet_pg_port;Username=rangeguard;Password=$fleet_pg_password;Database=postgres"
echo "fleet-postgres: cluster on 127.0.0.1:$fleet_pg_port ($fleet_pg_dir, user $fleet_pg_user)"

fleet_postgres_stop() {
  fleet_pg_as "$pgbin/pg_ctl" -D "$fleet_pg_dir/data" -m immediate -w stop >/dev/null 2>&1 || true
  rm -rf "$fleet_pg_dir"
}
