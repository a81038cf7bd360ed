#!/usr/bin/env python3
"""Fleet benchmark analysis (called by fleet-bench.sh): one run's result section, or the whole page (--page DIR)."""
import argparse, csv, glob, json, os, re, sqlite3, subprocess, sys

PAGE_HEAD = """# Fleet service benchmark

Produced by `simulator/RangeGuard.Fleet/bench/fleet-bench.sh` (each run below is one invocation; rerun it to add a run,
the page is regenerated from `docs/bench-runs/`). What runs: `rangeguard fleet -n N` (N virtual vehicles, each the full
agent with its own CAN path — truth → SLCAN → decoder → AgentLoop —, the real store-and-forward outbox and its own MQTT
connection) → Mosquitto 2.0 with the shipped config and ACL (one account per vehicle) → the fleet service (Release build,
one instance) → aiosmtpd for e-mail. Everything on this machine (2 cores): the vehicles, the broker, the service, the
database and the SMTP server share the two cores, so the CPU figures of each process are what it took from that budget.

How it is measured:
- **Decision → stored**: the simulator writes the wall time right after the agent's tick that made an alert transition
  (`--latency-out`); the service stamps `alerts.stored_ms` when the alert's transaction has committed. Same clock.
- **Decision → notified**: the earliest `notifications.sent_ms` of the alert's e-mails (the SMTP server accepted it);
  only RG-STRANDED, RG-PONR and RG-COLD-SOAK raise/worse notify.
- **Sustained**: every alert published was stored, p99 decision → stored under 1 s, and no vehicle outbox dropped a
  message (a broker or service that falls behind shows up as outbox pressure in the cars first).
- **Time-compressed runs** (`--speed x`): each vehicle's simulated time runs x times faster, so N vehicles send the
  messages of N·x vehicles at real time; the "vehicle-equivalents" column is N·x.
- Vehicles start shortly before one of their scenario's alert transitions (first 4 h of four built-in scenarios), so a
  short run sees alerts from every vehicle: the alert rate is far higher than a real fleet's, the telemetry, forecast and
  status rates are the contract's.
- **Rows per vehicle-day**: rows the run added to the growing tables (alerts, seq_events, notifications, rejected,
  commands), divided by the simulated vehicle-days (N · x · duration / 86400). Status, telemetry, forecast and the
  active set are kept as the latest per vehicle (one `vehicles` row each, updated in place). With the biased start points
  the alert share is an upper bound.
- Mosquitto runs the shipped `hardware-docs/mosquitto/mosquitto.conf` (now with `max_queued_messages 100000`
  instead of 1000, because of this run). With 1000, the first run at 1,000 vehicles lost 90 of 1,778 alerts: every vehicle published its
  status, active set, forecast, telemetry and first alert in the same second, the fleet service's session queue (per
  client) overflowed and Mosquitto logged "Outgoing messages are being dropped for client rangeguard-fleet-…" (the same
  happens when all cars reconnect after a broker restart). The service can only acknowledge what it has stored, so the
  broker must be able to queue a burst for it: raise the limit for fleets (EMQX: `mqtt.max_mqueue_len`, see deployment.md).
- The car side: the runs below dated up to 2026-12-06T01:54Z used an interim contract bridge in the simulator (the core's
  contract publisher was not merged yet); `rangeguard fleet` now runs the core's publisher, outbox and durable alert
  store exactly as `run --broker` does (payloads pass the service's contract check: `FleetModeTests`). Cars also publish
  while fast-forwarding to their start points, before the live window, at hundreds of times the contract's rate (their
  outboxes thin that telemetry); only live alerts have a decision time, and the row counts below count only what was
  stored in the live window. How the live window is kept apart from the fast-forward: each car sends what its
  fast-forward queued before the fleet goes live (up to 60 s); once all are at their start points the fleet waits
  `--settle` (30 s) so that the broker and the service have taken it too; outbox drops count only in the live window
  (the fast-forward's are reported beside them); the service's message counts start when the fleet goes live. The run of
  03:32Z had none of this (its drops, messages and first-seconds latency include the fast-forward's burst); the run of
  03:39Z had all but the settling, so its first 10 s still carry the service's backlog.

"""


def pct(values, p):
    if not values:
        return None
    v = sorted(values)
    k = max(0, min(len(v) - 1, int(round(p / 100.0 * len(v) + 0.5)) - 1))
    return v[k]


def ms(x):
    return "–" if x is None else f"{x:.0f} ms"


def query(args, sql):
    if args.db == "sqlite":
        path = args.conn.split("=", 1)[1]
        with sqlite3.connect(path) as c:
            return c.execute(sql).fetchall()
    kv = dict(p.split("=", 1) for p in args.conn.split(";") if p)
    out = subprocess.run(["psql", "-h", kv["Host"], "-p", kv["Port"], "-U", kv["Username"], "-d", kv["Database"], "-At", "-F", "\t", "-c", sql],
                         env={"PGPASSWORD": kv["Password"], "PATH": os.environ["PATH"]}, check=True, capture_output=True, text=True).stdout
    return [tuple(None if f == "" else f for f in line.split("\t")) for line in out.splitlines()]


def run(args):
    decided = {}
    with open(os.path.join(args.work, "latency.csv")) as f:
        for row in csv.DictReader(f):
            decided[(row["vehicle"], int(row["seq"]))] = int(row["decided_ms"])
    stored = {(v, int(s)): int(t) for v, s, t in query(args, "SELECT vehicle_id, seq, stored_ms FROM alerts")}
    notified = {}
    for v, s, t in query(args, "SELECT a.vehicle_id, a.seq, MIN(n.sent_ms) FROM notifications n JOIN alerts a ON a.id = n.alert_id "
                               "WHERE n.channel = 'email' AND n.status = 'sent' GROUP BY a.vehicle_id, a.seq"):
        notified[(v, int(s))] = int(t)
    lat_s = [stored[k] - d for k, d in decided.items() if k in stored]
    # The same, without the first 10 s of the live window (every vehicle's first publications arrive in one burst).
    lat_ss = [stored[k] - d for k, d in decided.items() if k in stored and d >= args.live[0] + 10_000]
    lat_n = [notified[k] - d for k, d in decided.items() if k in notified]
    missing = [k for k in decided if k not in stored]
    duplicates = int(query(args, "SELECT COALESCE(SUM(duplicates), 0) FROM vehicles")[0][0])
    since = args.live[0]
    counts = {
        "alerts": int(query(args, f"SELECT COUNT(*) FROM alerts WHERE stored_ms >= {since}")[0][0]),
        "seq_events": int(query(args, f"SELECT COUNT(*) FROM seq_events WHERE at_ms >= {since}")[0][0]),
        "notifications": int(query(args, f"SELECT COUNT(*) FROM notifications WHERE created_ms >= {since}")[0][0]),
        "rejected_messages": int(query(args, f"SELECT COUNT(*) FROM rejected_messages WHERE at_ms >= {since}")[0][0]),
        "commands": int(query(args, f"SELECT COUNT(*) FROM commands WHERE sent_ms >= {since}")[0][0]),
        "vehicles": int(query(args, "SELECT COUNT(*) FROM vehicles")[0][0]),
    }
    pending = int(query(args, "SELECT COUNT(*) FROM notifications WHERE status <> 'sent'")[0][0])

    start, end = args.live
    hz = os.sysconf("SC_CLK_TCK")
    procs = {}
    with open(os.path.join(args.work, "samples.txt")) as f:
        for line in f:
            parts = line.split()
            if len(parts) != 4:
                continue  # a process that was exiting while sampled
            t, name, ticks, rss = parts
            procs.setdefault(name, []).append((int(t), int(ticks), int(rss)))
    usage = {}
    for name, s in procs.items():
        inside = [x for x in s if start <= x[0] <= end]
        if len(inside) >= 2:
            cores = (inside[-1][1] - inside[0][1]) / hz / ((inside[-1][0] - inside[0][0]) / 1000.0)
            usage[name] = (cores, max(x[2] for x in inside) / 1024.0)
    fleet_log = open(os.path.join(args.work, "fleet.log")).read()
    dropped = re.search(r"(\d+) messages dropped by outboxes", fleet_log)
    dropped = int(dropped.group(1)) if dropped else None
    metrics = json.load(open(os.path.join(args.work, "metrics.json"))) if os.path.getsize(os.path.join(args.work, "metrics.json")) else {"counters": {}}
    c = metrics.get("counters", {})
    # The service's counters when the fleet went live (taken as it starts): what the cars sent while fast-forwarding to
    # their start points is not the live window's traffic.
    start_file = os.path.join(args.work, "metrics-start.json")
    if os.path.exists(start_file) and os.path.getsize(start_file):
        c0 = json.load(open(start_file)).get("counters", {})
        c = {k: v - c0.get(k, 0) for k, v in c.items()}
    live_s = (end - start) / 1000.0
    rate = c.get("received", 0) / live_s if live_s else 0
    vdays = args.n * args.speed * args.duration / 86400.0
    growing = counts["alerts"] + counts["seq_events"] + counts["notifications"] + counts["rejected_messages"] + counts["commands"]
    p99 = pct(lat_s, 99)
    sustained = not missing and p99 is not None and p99 < 1000 and dropped == 0
    eq = args.n * args.speed

    def cpu(name):
        return f"{usage[name][0]:.2f} cores, {usage[name][1]:.0f} MB" if name in usage else "–"

    per1000 = (f"{usage['service'][0] * 1000 / eq:.2f} cores (CPU scales with the message rate; memory does not: peak RSS at this size above)" if "service" in usage else "–")
    rate_m = re.search(r"scenario alert rate ([0-9.]+) transitions per vehicle-day", fleet_log)
    alert_rate = float(rate_m.group(1)) if rate_m else None
    rows_per_alert = growing / counts["alerts"] if counts["alerts"] else 0
    print(f"## {args.n} vehicles × {args.speed:g} = {eq:,.0f} vehicle-equivalents, {args.db}, {args.duration:g} s live ({args.stamp})\n")
    print(f"**{'Sustained' if sustained else 'NOT sustained'}.** {len(decided)} alerts published, {len(lat_s)} stored "
          f"({len(missing)} missing, {duplicates} duplicate deliveries dropped), {dropped} messages dropped by vehicle outboxes; "
          f"{c.get('received', 0):,} messages received by the service ({rate:,.0f}/s: telemetry {c.get('received_telemetry', 0):,}, "
          f"forecast {c.get('received_forecast', 0):,}, alerts {c.get('received_alert', 0):,}, alerts/active {c.get('received_alertsactive', 0):,}, "
          f"status {c.get('received_status', 0):,}), {sum(v for k, v in c.items() if k.startswith('rejected_')):,} refused by the contract check.\n")
    print("| measure | p50 | p99 | max | samples |")
    print("|---|---|---|---|---|")
    print(f"| decision → stored | {ms(pct(lat_s, 50))} | {ms(p99)} | {ms(max(lat_s) if lat_s else None)} | {len(lat_s)} |")
    print(f"| decision → stored, after the first 10 s | {ms(pct(lat_ss, 50))} | {ms(pct(lat_ss, 99))} | {ms(max(lat_ss) if lat_ss else None)} | {len(lat_ss)} |")
    print(f"| decision → notified (e-mail accepted) | {ms(pct(lat_n, 50))} | {ms(pct(lat_n, 99))} | {ms(max(lat_n) if lat_n else None)} | {len(lat_n)} |")
    print()
    print(f"- CPU and peak memory over the live window: service {cpu('service')}; Mosquitto {cpu('broker')}; simulator ({args.n} agents and MQTT clients) {cpu('sim')}.")
    print(f"- Service per 1,000 vehicle-equivalents: {per1000}.")
    load = open("/proc/loadavg").read().split()[:3]
    print(f"- Machine load at the end of the run (1/5/15-min load average on {args.cpus} cores, including other work on this machine): {' / '.join(load)}.")
    print(f"- Database rows: {growing:,} in growing tables over {vdays:.2f} simulated vehicle-days = {growing / vdays if vdays else 0:,.1f} rows per vehicle-day "
          f"(alerts {counts['alerts']:,}, seq_events {counts['seq_events']:,}, notifications {counts['notifications']:,}, refused {counts['rejected_messages']:,}); "
          f"plus one `vehicles` row per vehicle ({counts['vehicles']:,}). Notifications not sent at the end: {pending}.")
    if alert_rate is not None:
        print(f"- Unbiased estimate: the scenarios make {alert_rate:.1f} alert transitions per vehicle-day over whole trips (batch runs); at "
              f"{rows_per_alert:.2f} rows per alert (this run) that is **{alert_rate * rows_per_alert:.0f} rows per vehicle-day**.")
    print()


def page(directory):
    sys.stdout.write(PAGE_HEAD)
    for path in sorted(glob.glob(os.path.join(directory, "*.md"))):
        sys.stdout.write(open(path).read().replace("## ", "## ", 1))
        sys.stdout.write("\n")


if __name__ == "__main__":
    a = argparse.ArgumentParser()
    a.add_argument("--page")
    a.add_argument("--work")
    a.add_argument("--n", type=int)
    a.add_argument("--speed", type=float)
    a.add_argument("--duration", type=float)
    a.add_argument("--db")
    a.add_argument("--conn")
    a.add_argument("--live", type=int, nargs=2)
    a.add_argument("--stamp")
    a.add_argument("--cpus")
    args = a.parse_args()
    page(args.page) if args.page else run(args)
