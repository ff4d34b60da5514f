#!/usr/bin/env bash
# Failover drill (not CI; takes a few minutes): etcd + two Patroni-managed PostgreSQL 15 nodes (synchronous_mode) on
# loopback, two API instances on the multi-host connection string under a mixed load (4 writers, 2 readers); kills
# the leader's postmaster, then prints seconds of write unavailability, failed requests by status, acknowledged
# writes lost (must be 0) and the time until the old leader is a streaming replica again. Cleans up after itself.
# Usage: bash deploy/ha/failover-drill.sh   (root or sudo; builds the API in Release if needed)
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
here="$root/deploy/ha"
log() { printf '[drill %s] %s\n' "$(date -u +%T)" "$*"; }
bash "$here/install.sh"
pgbin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
api_dll="$root/src/Api/bin/Release/net10.0/NakamuraMisaki.Api.dll"
[ -f "$api_dll" ] || (cd "$root" && nice dotnet build src/Api -c Release >/dev/null)
as_pg() { if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }

work=$(mktemp -d /tmp/nakamura-drill-XXXXXX)
chmod 755 "$work"
pids=()
cleanup() {
  log "cleaning up"
  touch "$work/stop"
  # Children first (Patroni under runuser, the API under its subshell), by their parent's pid, then the parents.
  for pid in "${pids[@]}"; do pkill -P "$pid" 2>/dev/null || true; kill "$pid" 2>/dev/null || true; done
  sleep 2
  for pid in "${pids[@]}"; do pkill -9 -P "$pid" 2>/dev/null || true; kill -9 "$pid" 2>/dev/null || true; done
  # Postmasters outlive a killed Patroni: stop the ones under this drill's directory, by their own pid files.
  for pidfile in "$work"/node*/data/postmaster.pid; do
    [ -f "$pidfile" ] && kill -9 "$(head -1 "$pidfile")" 2>/dev/null || true
  done
  rm -rf "$work"
}
trap cleanup EXIT

free_ports() { /usr/bin/python3 -c "
import socket; s=[socket.socket() for _ in range($1)]
[x.bind(('127.0.0.1',0)) for x in s]; print(' '.join(str(x.getsockname()[1]) for x in s))"; }
read -r etcd_client etcd_peer pg1 pg2 rest1 rest2 api1 api2 < <(free_ports 8)
password=$(head -c 18 /dev/urandom | base64 | tr -d '/+=')
key="drill-$(head -c 12 /dev/urandom | base64 | tr -d '/+=')"

log "etcd on 127.0.0.1:$etcd_client"
etcd --name drill --data-dir "$work/etcd" --listen-client-urls "http://127.0.0.1:$etcd_client" \
  --advertise-client-urls "http://127.0.0.1:$etcd_client" --listen-peer-urls "http://127.0.0.1:$etcd_peer" \
  --initial-advertise-peer-urls "http://127.0.0.1:$etcd_peer" --initial-cluster "drill=http://127.0.0.1:$etcd_peer" \
  >"$work/etcd.log" 2>&1 &
pids+=($!)

node_config() { # name pg_port rest_port
  mkdir -p "$work/$1"
  cat >"$work/$1/patroni.yml" <<YAML
scope: nakamura-drill
name: $1
restapi: {listen: "127.0.0.1:$3", connect_address: "127.0.0.1:$3"}
etcd3: {hosts: "127.0.0.1:$etcd_client"}
bootstrap:
  dcs:
    ttl: 10
    loop_wait: 1
    retry_timeout: 4
    # Fail over at once when the primary's postmaster dies instead of restarting it in place (default 300 s).
    master_start_timeout: 0
    synchronous_mode: true
    postgresql:
      use_pg_rewind: true
      remove_data_directory_on_rewind_failure: true
      parameters: {max_connections: 200, wal_log_hints: "on", max_wal_senders: 5, max_replication_slots: 5}
  initdb: [{encoding: UTF8}, {locale: C.UTF-8}]
  pg_hba:
    - local all all trust
    - host replication replicator 127.0.0.1/32 scram-sha-256
    - host all all 127.0.0.1/32 scram-sha-256
postgresql:
  listen: "127.0.0.1:$2"
  connect_address: "127.0.0.1:$2"
  data_dir: $work/$1/data
  bin_dir: $pgbin
  pgpass: $work/$1/pgpass
  authentication:
    superuser: {username: postgres, password: "$password"}
    replication: {username: replicator, password: "$password"}
    rewind: {username: postgres, password: "$password"}
  parameters: {unix_socket_directories: "$work/$1"}
YAML
}
node_config node1 "$pg1" "$rest1"
node_config node2 "$pg2" "$rest2"
[ "$(id -u)" -eq 0 ] && chown -R postgres:postgres "$work"
start_node() { as_pg patroni "$work/$1/patroni.yml" >>"$work/$1/patroni.log" 2>&1 & pids+=($!); }
log "Patroni node1 (PostgreSQL 127.0.0.1:$pg1) and node2 (127.0.0.1:$pg2)"
start_node node1
sleep 3
start_node node2

role_of() { curl -s "http://127.0.0.1:$1/patroni" | /usr/bin/python3 -c 'import json,sys
try: d=json.load(sys.stdin); print(d.get("role","?"), d.get("state","?"))
except Exception: print("down down")'; }
wait_for() { # seconds description command...
  local deadline=$((SECONDS + $1)) what=$2; shift 2
  until "$@"; do
    if [ $SECONDS -ge $deadline ]; then log "timed out waiting for $what"; exit 1; fi
    sleep 0.5
  done
}
is_sync_pair() { curl -s "http://127.0.0.1:$rest1/cluster" | grep -q '"sync_standby"'; }
wait_for 120 "a leader and a synchronous standby" is_sync_pair
leader_rest=$rest1; replica_rest=$rest2; leader_pg=$pg1; leader=node1
if [ "$(role_of "$rest2" | cut -d' ' -f1)" = "master" ] || [ "$(role_of "$rest2" | cut -d' ' -f1)" = "primary" ]; then
  leader_rest=$rest2; replica_rest=$rest1; leader_pg=$pg2; leader=node2
fi
log "leader: $leader; synchronous standby ready"
PGPASSWORD=$password "$pgbin/psql" -q -h 127.0.0.1 -p "$leader_pg" -U postgres -c "CREATE DATABASE nakamura_misaki"

hosts="127.0.0.1:$pg1,127.0.0.1:$pg2"
exec_in_bin() { cd "$(dirname "$api_dll")" && exec "$@"; } # appsettings.json is read from the content root
start_api() {
  ASPNETCORE_URLS="http://127.0.0.1:$1" ASPNETCORE_ENVIRONMENT=Production \
  ConnectionStrings__Default="Host=$hosts;Database=nakamura_misaki;Username=postgres;Password=$password;Target Session Attributes=primary" \
  Database__MigrateOnStartup=true Auth__ApiKeys__0__Client=drill \
  Auth__ApiKeys__0__Sha256=$(printf '%s' "$key" | sha256sum | cut -d' ' -f1) \
  RateLimiting__PermitsPerSecond=100000 RateLimiting__Burst=100000 Logging__LogLevel__Default=Warning \
  exec_in_bin dotnet "$api_dll" >"$work/api-$1.log" 2>&1 &
  pids+=($!)
}
start_api "$api1"
start_api "$api2"
ready() { curl -sf "http://127.0.0.1:$api1/health/ready" >/dev/null && curl -sf "http://127.0.0.1:$api2/health/ready" >/dev/null; }
wait_for 120 "both API instances ready" ready
log "API instances on :$api1 and :$api2; load for 10 s, then the leader's postmaster is killed"

/usr/bin/python3 "$here/load.py" "http://127.0.0.1:$api1,http://127.0.0.1:$api2" "$key" "$work/answers" "$work/stop" &
load_pid=$!
pids+=($load_pid)
started=$(date +%s.%N)
sleep 10
postmaster=$(head -1 "$work/$leader/data/postmaster.pid")
kill -9 "$postmaster"
killed_at=$(echo "$(date +%s.%N) - $started" | bc)
log "killed $leader's postmaster (pid $postmaster)"

is_new_leader() { case "$(role_of "$replica_rest")" in "master running"|"primary running") return 0;; *) return 1;; esac; }
wait_for 60 "the standby's promotion" is_new_leader
promoted=$(echo "$(date +%s.%N) - $started" | bc)
log "the former standby leads ($(echo "$promoted - $killed_at" | bc) s after the kill)"
rejoined() { [ "$(role_of "$leader_rest")" = "replica running" ] \
  && curl -s "http://127.0.0.1:$replica_rest/cluster" | grep -q '"state": *"streaming"\|"sync_standby"'; }
wait_for 180 "the old leader to rejoin as a replica" rejoined
rejoined_at=$(echo "$(date +%s.%N) - $started" | bc)
log "$leader is a replica again"
sleep 5
touch "$work/stop"
wait "$load_pid" || true

echo
echo "== failover drill: 2 Patroni nodes (synchronous_mode), 2 API instances, 4 writers + 2 readers =="
/usr/bin/python3 "$here/summarize.py" "$work/answers" "$killed_at"
printf 'promotion: %.1f s after the kill; old leader streaming as a replica: %.1f s after the kill\n' \
  "$(echo "$promoted - $killed_at" | bc)" "$(echo "$rejoined_at - $killed_at" | bc)"
awk '$3 == "write" && $2 == 201 { print $4 }' "$work/answers" >"$work/acknowledged"
new_leader_pg=$([ "$leader" = node1 ] && echo "$pg2" || echo "$pg1")
lost=$(PGPASSWORD=$password "$pgbin/psql" -qAt -h 127.0.0.1 -p "$new_leader_pg" -U postgres -d nakamura_misaki <<SQL
CREATE TEMP TABLE acknowledged (id uuid);
\copy acknowledged FROM '$work/acknowledged'
SELECT count(*) FILTER (WHERE t.id IS NULL) || ' of ' || count(*) FROM acknowledged a LEFT JOIN tasks t USING (id);
SQL
)
echo "acknowledged writes lost: $lost"
