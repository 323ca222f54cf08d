#!/usr/bin/env bash
# Reproduces the Slack acknowledgement figures in docs/benchmarks.md: the Bolt-JS peer (../shared/peers) and the bot
# (Release, Production, embedded SQLite, Slack adapter on) take the same open-loop load of signed `/incident` slash
# commands, one after the other at each rate, in one run; then the bot's inbound table is counted, because every
# acknowledged command must have been recorded. Both warm up first (the JIT settles; Node's too). Last, the time from
# a declare to its conversations.create call reaching a loopback stand-in for slack.com/api.
# usage: tests/ChatOps.LoadDriver/run-slack-bench.sh [rates="300 1000"] [seconds=15] [rounds=2]
set -euo pipefail
cd "$(dirname "$0")/../.."
rates=${1:-"300 1000"}; seconds=${2:-15}; rounds=${3:-2}
secret=s3cret
out=$(mktemp -d)
dotnet publish bot/ChatOps.Bot -c Release -o "$out/bot" --nologo -v q >/dev/null
# The peer runs from a copy, so nothing is installed into ../shared.
cp ../shared/peers/*.js ../shared/peers/package.json "$out/"
(cd "$out" && npm install --no-audit --no-fund --silent >/dev/null)

(cd "$out" && SLACK_SIGNING_SECRET=$secret PORT=3999 exec node bolt-peer.js >"$out/peer.log" 2>&1) &
peer=$!
start_bot() { # $1 = Slack Web API base URL, $2 = database file; sets $bot
  (cd "$out/bot" && Slack__Enabled=true Slack__SigningSecret=$secret Slack__BotToken=xoxb-bench Slack__AllowedTeamIds__0=T0BARS \
     Slack__ApiBaseUrl="$1" Store__Sqlite__Path="$2" Api__Keys__0=benchkey \
     Logging__LogLevel__Default=Warning exec dotnet ChatOps.Bot.dll --urls http://127.0.0.1:5080 --environment Production >>"$out/bot.log" 2>&1) &
  bot=$!
  for _ in $(seq 1 300); do curl -sf http://127.0.0.1:5080/healthz >/dev/null && break; sleep 0.2; done
}
start_bot http://127.0.0.1:9/api/ "$out/chatops.db"
for _ in $(seq 1 100); do curl -s -o /dev/null http://127.0.0.1:3999/ && break; sleep 0.2; done

load() { (cd "$out" && node load.js "$1" "$2" "$3" $secret); }
peer_url=http://127.0.0.1:3999/slack/commands
bot_url=http://127.0.0.1:5080/slack/commands
sent=0
load "$peer_url" 300 20 >/dev/null
load "$bot_url" 300 20 >/dev/null; sent=$((sent + 300 * 20))
for round in $(seq 1 "$rounds"); do
  for rate in $rates; do
    echo "round $round, peer:    $(load "$peer_url" "$rate" "$seconds" | tee -a "$out/peer.jsonl")"
    echo "round $round, chatops: $(load "$bot_url" "$rate" "$seconds" | tee -a "$out/chatops.jsonl")"; sent=$((sent + rate * seconds))
  done
done
python3 tests/ChatOps.LoadDriver/slack-bench-summary.py "$out/peer.jsonl" "$out/chatops.jsonl"

kill "$peer"; wait "$peer" 2>/dev/null || true
recorded=$(python3 -c "import sqlite3,sys; print(sqlite3.connect(sys.argv[1]).execute(\"SELECT COUNT(*) FROM inbound WHERE surface = 'slack'\").fetchone()[0])" "$out/chatops.db")
echo "slash commands sent to ChatOps: $sent; recorded in its inbound table: $recorded"
kill "$bot"; wait "$bot" 2>/dev/null || true

# From declare to the channel-created call: the bot restarted on a fresh file, its Web API pointed at the script's
# loopback stand-in for slack.com/api; a first round warms the declare path up.
start_bot http://127.0.0.1:5990/api/ "$out/declare.db"
declares=tests/ChatOps.Adapters.Slack.Tests/Benchmark/declare_to_channel.py
python3 "$declares" "$bot_url" $secret 5990 50 10 >/dev/null
for spec in "20 5" "100 10"; do
  echo "declare -> conversations.create: $(python3 "$declares" "$bot_url" $secret 5990 $spec)"
done
kill "$bot"; wait "$bot" 2>/dev/null || true
rm -rf "$out"
