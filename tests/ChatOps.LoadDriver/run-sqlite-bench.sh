#!/usr/bin/env bash
# Reproduces the SQLite figures in docs/benchmarks.md: the bot (Release, Production, embedded SQLite on a temp
# file) on loopback, driven open-loop by the load driver; then a fresh bot seeded with 10,000 open incidents.
# usage: tests/ChatOps.LoadDriver/run-sqlite-bench.sh [rate=500] [seconds=60] [incidents=10000]
set -euo pipefail
cd "$(dirname "$0")/../.."
rate=${1:-500}; seconds=${2:-60}; incidents=${3:-10000}
out=$(mktemp -d)
dotnet publish bot/ChatOps.Bot -c Release -o "$out/bot" --nologo -v q >/dev/null
dotnet build tests/ChatOps.LoadDriver -c Release -o "$out/driver" --nologo -v q >/dev/null
export CHATOPS_API_KEY=bench-key

start_bot() { # $1 = database file; prints the pid
  (cd "$out/bot" && exec dotnet ChatOps.Bot.dll --urls http://127.0.0.1:5099 --environment Production \
     --Api:Keys:0=$CHATOPS_API_KEY --Store:Sqlite:Path="$1" --Logging:LogLevel:Default=Warning >"$out/bot.log" 2>&1) &
  local pid=$!
  for _ in $(seq 1 100); do curl -sf http://127.0.0.1:5099/healthz >/dev/null && break; sleep 0.2; done
  echo "$pid"
}

pid=$(start_bot "$out/mix.db")
dotnet "$out/driver/ChatOps.LoadDriver.dll" mix http://127.0.0.1:5099/ 50 5 >/dev/null   # warm-up
dotnet "$out/driver/ChatOps.LoadDriver.dll" mix http://127.0.0.1:5099/ "$rate" "$seconds"
echo "outbox and timers after the run: $(curl -s http://127.0.0.1:5099/healthz)"
kill "$pid"; wait "$pid" 2>/dev/null || true

pid=$(start_bot "$out/seed.db")
dotnet "$out/driver/ChatOps.LoadDriver.dll" seed http://127.0.0.1:5099/ "$incidents" "$pid"
echo "store after seeding: $(curl -s http://127.0.0.1:5099/healthz)"
kill "$pid"; wait "$pid" 2>/dev/null || true
rm -rf "$out"
