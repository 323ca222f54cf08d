#!/usr/bin/env bash
# Reproduces the Teams figures in docs/benchmarks.md: the bot (Release, Production, JWT validation on, embedded
# SQLite on a temp file) on loopback; the load driver plays Microsoft: it serves the Bot Framework's OpenID
# metadata and JWKS (its own RSA key), the token endpoint and a Bot Connector that answers 200, all on loopback
# https (the bot trusts the driver's self-signed certificate through SSL_CERT_FILE), and signs the activities'
# tokens. Phases: note messages at <msgRate>/s for <msgSeconds> s on <incidents> pre-declared incidents, then
# Action.Execute (acknowledge, then join) at <invokeRate>/s for <invokeSeconds> s. Prints p50/p90/p99/max.
# usage: tests/ChatOps.LoadDriver/run-teams-bench.sh [msgRate=300] [msgSeconds=30] [invokeRate=50] [invokeSeconds=20] [incidents=200]
set -euo pipefail
cd "$(dirname "$0")/../.."
msg_rate=${1:-300}; msg_seconds=${2:-30}; invoke_rate=${3:-50}; invoke_seconds=${4:-20}; incidents=${5:-200}
bot_port=5098; standin_port=5443; app_id=6c1f0d2e-3b4a-4c5d-8e9f-0a1b2c3d4e5f
out=$(mktemp -d)
trap 'kill "${bot:-}" "${driver:-}" 2>/dev/null || true; rm -rf "$out"' EXIT
dotnet publish bot/ChatOps.Bot -c Release -o "$out/bot" --artifacts-path "$out/art" --nologo -v q >/dev/null
dotnet build tests/ChatOps.LoadDriver -c Release -o "$out/driver" --artifacts-path "$out/art" --nologo -v q >/dev/null
export CHATOPS_API_KEY=bench-key

echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg) ($(nproc) cores)"
dotnet "$out/driver/ChatOps.LoadDriver.dll" teams "http://127.0.0.1:$bot_port/" "$standin_port" "$out/standin-ca.pem" "$app_id" \
  "$msg_rate" "$msg_seconds" "$invoke_rate" "$invoke_seconds" "$incidents" &
driver=$!
for _ in $(seq 1 100); do [ -s "$out/standin-ca.pem" ] && break; sleep 0.2; done

(cd "$out/bot" && SSL_CERT_FILE="$out/standin-ca.pem" exec dotnet ChatOps.Bot.dll --urls "http://127.0.0.1:$bot_port" --environment Production \
   --Api:Keys:0=$CHATOPS_API_KEY --Store:Sqlite:Path="$out/teams.db" --Logging:LogLevel:Default=Warning \
   --Teams:Enabled=true --Teams:AppId=$app_id --Teams:AppPassword=bench-secret \
   --Teams:OpenIdMetadataUrl="https://127.0.0.1:$standin_port/bf/openidconfiguration" \
   --Teams:TokenAuthority="https://127.0.0.1:$standin_port/{tenant}" \
   --Teams:AllowedServiceUrlHosts:20=127.0.0.1 \
   --Teams:IncidentsChannel="19:bench-incidents@thread.tacv2" >"$out/bot.log" 2>&1) &
bot=$!

status=0; wait "$driver" || status=$?
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "bot after the run: $(curl -s "http://127.0.0.1:$bot_port/healthz")"
if [ "$status" -ne 0 ]; then echo "--- bot log (tail) ---"; tail -n 40 "$out/bot.log"; fi
exit "$status"
