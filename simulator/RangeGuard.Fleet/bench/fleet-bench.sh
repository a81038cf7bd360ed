#!/usr/bin/env bash
# Fleet benchmark (issue #9): N virtual vehicles (`rangeguard fleet`, the full agent each) → Mosquitto (the shipped config
# and ACL, one account per vehicle) → the fleet service (Release; SQLite, or PostgreSQL with --db postgres) → aiosmtpd.
# Measures vehicles sustained at the contract's cadence, alert latency decision → stored and → notified (e-mail accepted
# by the SMTP server), CPU and memory of each process, database rows per vehicle-day. Writes a result section to
# simulator/RangeGuard.Fleet/docs/bench-runs/ and regenerates simulator/RangeGuard.Fleet/docs/benchmark.md from them.
#
#   simulator/RangeGuard.Fleet/bench/fleet-bench.sh -n 1000 --speed 1 --duration 300
#   simulator/RangeGuard.Fleet/bench/fleet-bench.sh -n 1000 --speed 10 --duration 180        # the message rate of 10,000
#   RANGEGUARD_FLEET_PG=… simulator/RangeGuard.Fleet/bench/fleet-bench.sh -n 1000 --db postgres
# Needs: mosquitto, mosquitto-clients, python3-aiosmtpd (Debian); postgresql for --db postgres (.ci/fleet-postgres.sh).
set -euo pipefail
cd "$(dirname "$0")/../../.."
repo=$PWD

n=100; speed=1; duration=120; db=sqlite; keep=0
while [ $# -gt 0 ]; do
  case "$1" in
    -n) n=$2; shift 2 ;;
    --speed) speed=$2; shift 2 ;;
    --duration) duration=$2; shift 2 ;;
    --db) db=$2; shift 2 ;;
    --keep) keep=1; shift ;;
    *) echo "usage: $0 [-n N] [--speed X] [--duration S] [--db sqlite|postgres] [--keep]" >&2; exit 2 ;;
  esac
done

free_port() { /usr/bin/python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
work=$(mktemp -d /tmp/rangeguard-fleet-bench.XXXXXX)
chmod 777 "$work"
pids=()
cleanup() {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  wait 2>/dev/null || true
  [ "$keep" = 1 ] && echo "kept $work" || rm -rf "$work"
}
trap cleanup EXIT

echo "bench: building (Release)…"
dotnet build -c Release -nologo -v q simulator/RangeGuard.Fleet/RangeGuard.Fleet.csproj >/dev/null
dotnet build -c Release -nologo -v q simulator/RangeGuard.Simulator/RangeGuard.Simulator.csproj >/dev/null
fleet_dll=$repo/simulator/RangeGuard.Fleet/bin/Release/net10.0/rangeguard-fleet.dll
sim_dll=$repo/simulator/RangeGuard.Simulator/bin/Release/net10.0/rangeguard.dll

# --- Mosquitto: the shipped config with its paths and listener swapped (as tests/RangeGuard.Messaging.Tests does) ---
mqtt_port=$(free_port)
password=bench-$(head -c 6 /dev/urandom | od -An -tx1 | tr -d ' \n')
{ echo "fleet:$password"; for i in $(seq 1 "$n"); do printf 'rg-%04d:%s\n' "$i" "$password"; done; } > "$work/passwd"
mosquitto_passwd -U "$work/passwd"
cp hardware-docs/mosquitto/rangeguard.acl "$work/"
grep -vE '^(listener|cafile|certfile|keyfile|require_certificate|tls_version|password_file|acl_file|persistence_location|log_dest|pid_file)\b' \
  hardware-docs/mosquitto/mosquitto.conf > "$work/mosquitto.conf"
cat >> "$work/mosquitto.conf" <<CONF
password_file $work/passwd
acl_file $work/rangeguard.acl
persistence_location $work/
log_dest file $work/mosquitto.log
listener $mqtt_port 127.0.0.1
max_connections -1
# max_queued_messages (100000 in the shipped config too) is per client: when every car connects at once (this run's start, or all cars
# reconnecting after a broker restart) the fleet service's session needs more, or Mosquitto drops QoS 1 messages for it
# ("Outgoing messages are being dropped"). See docs/benchmark.md.
max_queued_messages 100000
CONF
chmod 666 "$work/passwd"
ulimit -n 65536 2>/dev/null || true
/usr/sbin/mosquitto -c "$work/mosquitto.conf" & mosq_pid=$!; pids+=("$mosq_pid")

# --- SMTP: aiosmtpd, every accepted mail a file ---
smtp_port=$(free_port)
/usr/bin/python3 -m aiosmtpd -n -l "127.0.0.1:$smtp_port" -c aiosmtpd.handlers.Mailbox "$work/mail" & pids+=($!)

# --- Database ---
if [ "$db" = postgres ]; then
  : "${RANGEGUARD_FLEET_PG:?--db postgres needs RANGEGUARD_FLEET_PG (source .ci/fleet-postgres.sh)}"
  dbname=rgbench_$(date +%s)
  /usr/bin/python3 - "$RANGEGUARD_FLEET_PG" "$dbname" <<'PY'
import sys, subprocess
kv = dict(p.split('=', 1) for p in sys.argv[1].split(';') if p)
subprocess.run(['psql', '-h', kv['Host'], '-p', kv['Port'], '-U', kv['Username'], '-d', kv.get('Database', 'postgres'), '-qc', f'CREATE DATABASE {sys.argv[2]}'],
               env={'PGPASSWORD': kv['Password']}, check=True)
PY
  conn="${RANGEGUARD_FLEET_PG/Database=postgres/Database=$dbname}"
else
  conn="Data Source=$work/fleet.db"
fi

# --- The fleet service ---
web_port=$(free_port)
token=bench-token-$password
dotnet "$fleet_dll" --Fleet:InstanceId=bench-1 --Fleet:Broker:Embedded=false --Fleet:Broker:Url="mqtt://127.0.0.1:$mqtt_port" \
  --Fleet:Broker:Username=fleet --Fleet:Broker:Password="$password" --Fleet:Database:Provider="$db" --Fleet:Database:ConnectionString="$conn" \
  --Fleet:Notify:Smtp:Host=127.0.0.1 --Fleet:Notify:Smtp:Port="$smtp_port" --Fleet:Notify:CrewEmails:0=crew@fleet.test \
  --Fleet:Web:Urls="http://127.0.0.1:$web_port" --Fleet:Web:AdminPassword="$password" --Fleet:Web:ApiTokens:0="$token" \
  > "$work/service.log" 2>&1 & svc_pid=$!; pids+=("$svc_pid")
for _ in $(seq 1 100); do grep -q "connected to" "$work/service.log" 2>/dev/null && break; sleep 0.2; done

# --- Process sampler: CPU ticks and RSS of the service, the broker and the simulator every second ---
sampler() {
  while true; do
    now=$(date +%s%3N)
    for name in service:$svc_pid broker:$mosq_pid sim:${sim_pid:-0}; do
      pid=${name#*:}; [ -r "/proc/$pid/stat" ] || continue
      read -r -a st < "/proc/$pid/stat"
      rss=$(awk '/VmRSS/ {print $2}' "/proc/$pid/status")
      echo "$now ${name%%:*} $(( ${st[13]} + ${st[14]} )) $rss"
    done
    sleep 1
  done
}

echo "bench: $n vehicles, ${speed}× real time, ${duration} s live, $db"
sim_pid=0
dotnet "$sim_dll" fleet -n "$n" --broker "mqtt://127.0.0.1:$mqtt_port" --password "$password" --speed "$speed" --duration "$duration" \
  --latency-out "$work/latency.csv" > "$work/fleet.log" 2>&1 & sim_pid=$!; pids+=("$sim_pid")
sampler > "$work/samples.txt" & pids+=($!)
# The service's counters as the fleet goes live: the rates are counted from there (the fast-forward's traffic is not live).
(
  until grep -q 'vehicles at their start points' "$work/fleet.log" 2>/dev/null; do kill -0 "$sim_pid" 2>/dev/null || exit 0; sleep 0.1; done
  curl -s -H "Authorization: Bearer $token" "http://127.0.0.1:$web_port/api/metrics" > "$work/metrics-start.json"
) & pids+=($!)
tail -f "$work/fleet.log" --pid="$sim_pid" | grep --line-buffered -E '^fleet: (t=|done|[0-9]+ vehicles)' || true
wait "$sim_pid" || true
sleep 10 # let the service drain and the notifier send
curl -s -H "Authorization: Bearer $token" "http://127.0.0.1:$web_port/api/metrics" > "$work/metrics.json"
kill -TERM "$svc_pid"; wait "$svc_pid" 2>/dev/null || true

live=$(grep -oE 'live window [0-9]+ [0-9]+' "$work/fleet.log" | awk '{print $3, $4}')
[ -n "$live" ] || { echo "the fleet run did not finish:" >&2; tail -20 "$work/fleet.log" >&2; exit 1; }
stamp=$(date -u +%Y-%m-%dT%H:%MZ)
out=simulator/RangeGuard.Fleet/docs/bench-runs/$(date -u +%Y%m%d-%H%M)-n$n-x$speed-$db.md
if ! /usr/bin/python3 simulator/RangeGuard.Fleet/bench/analyse.py --work "$work" --n "$n" --speed "$speed" --duration "$duration" --db "$db" \
  --conn "$conn" --live $live --stamp "$stamp" --cpus "$(nproc)" > "$out"; then
  keep=1; rm -f "$out"; echo "bench: analysis failed; the run's files are kept in $work" >&2; exit 1
fi
cat "$out"
/usr/bin/python3 simulator/RangeGuard.Fleet/bench/analyse.py --page simulator/RangeGuard.Fleet/docs/bench-runs > simulator/RangeGuard.Fleet/docs/benchmark.md
echo "bench: wrote $out and simulator/RangeGuard.Fleet/docs/benchmark.md"
