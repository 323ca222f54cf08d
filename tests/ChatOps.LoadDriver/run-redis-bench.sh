#!/usr/bin/env bash
# Reproduces the Redis figures in docs/benchmarks.md: the same command mix as run-sqlite-bench.sh against
# (a) one bot on SQLite, (b) one bot on Redis, (c) two bots on one Redis, in one run; and Redis round trips per
# accepted command counted from redis-server's own INFO commandstats.
# usage: tests/ChatOps.LoadDriver/run-redis-bench.sh [rate=300] [seconds=30]
set -euo pipefail
cd "$(dirname "$0")/../.."
rate=${1:-300}; seconds=${2:-30}
out=$(mktemp -d)
dotnet publish bot/ChatOps.Bot -c Release -o "$out/bot" --nologo -v q >/dev/null
dotnet build tests/ChatOps.LoadDriver -c Release -o "$out/driver" --nologo -v q >/dev/null
export CHATOPS_API_KEY=bench-key
driver() { dotnet "$out/driver/ChatOps.LoadDriver.dll" "$@"; }

# Zero-loss Redis, as the README recommends: AOF with fsync on every write.
redis-server --port 6399 --bind 127.0.0.1 --dir "$out" --appendonly yes --appendfsync always --save "" --daemonize yes >/dev/null
for _ in $(seq 1 50); do redis-cli -p 6399 ping >/dev/null 2>&1 && break; sleep 0.1; done

start_bot() { # $1 = port, then extra arguments; prints the pid
  local port=$1; shift
  (cd "$out/bot" && exec dotnet ChatOps.Bot.dll --urls "http://127.0.0.1:$port" --environment Production \
     --Api:Keys:0=$CHATOPS_API_KEY --Logging:LogLevel:Default=Warning "$@" >"$out/bot-$port.log" 2>&1) &
  local pid=$!
  for _ in $(seq 1 100); do curl -sf "http://127.0.0.1:$port/healthz" >/dev/null && break; sleep 0.2; done
  echo "$pid"
}
redis_calls() { redis-cli -p 6399 info commandstats | awk -F'[=,:]' '/^cmdstat_/ && !/cmdstat_(info|ping|subscribe|client|cluster|config|echo|hello)/ {n += $3} END {print n}'; }
run() { # label urls
  local label=$1 urls=$2
  driver mix "$urls" 50 3 >/dev/null   # warm-up
  local before; before=$(redis_calls)
  echo "$label: $(driver mix "$urls" "$rate" "$seconds")"
  echo "$label: redis commands executed during the run (top-level and inside Lua scripts, pumps included): $(( $(redis_calls) - before ))"
}

pid=$(start_bot 5101 --Store:Sqlite:Path="$out/sqlite.db")
run "sqlite, 1 replica" http://127.0.0.1:5101/
kill "$pid"; wait "$pid" 2>/dev/null || true

redis=(--Store:Provider=Redis --Store:Redis:Configuration=127.0.0.1:6399)
pid=$(start_bot 5102 "${redis[@]}" --Store:Redis:KeyPrefix=one:)
run "redis, 1 replica" http://127.0.0.1:5102/
kill "$pid"; wait "$pid" 2>/dev/null || true

pid1=$(start_bot 5103 "${redis[@]}" --Store:Redis:KeyPrefix=two:)
pid2=$(start_bot 5104 "${redis[@]}" --Store:Redis:KeyPrefix=two:)
run "redis, 2 replicas" http://127.0.0.1:5103/,http://127.0.0.1:5104/
kill "$pid1" "$pid2"; wait "$pid1" "$pid2" 2>/dev/null || true

redis-cli -p 6399 shutdown nosave >/dev/null 2>&1 || true
rm -rf "$out"
