#!/usr/bin/env bash
# Reproduces the Redis figures in docs/benchmarks.md. The same command mix as run-sqlite-bench.sh, stepped up a
# ladder of open-loop rates against (a) one bot on SQLite, (b) one bot on Redis, (c) two bots on one Redis (the driver
# spreads requests round-robin, a load balancer without affinity), all in one run. Every rung runs 3 unmeasured seconds
# first (the driver warms its own JIT and connections), then the measured window. For every rung it prints the
# driver's latency report, the bots' CPU time per answered command (from /proc, summed over the replicas) and the
# Redis commands executed per answered command (from redis-server's INFO commandstats, pumps included). At the end
# it names, per setup, the highest rate up to which every rung stayed within the bound: the throughput "at the same
# p99 bound" that issue 3 compares.
# usage: tests/ChatOps.LoadDriver/run-redis-bench.sh [rates="200 300 400 500 600"] [seconds=15] [p99-bound-ms=50]
# REPEATS runs every rung that many times (default 1); a rung passes when every command was answered in every run and
# the median of the runs' p99 is within the bound (single 15 s runs are noisy at the tail on two shared cores).
# SETUPS picks the setups (default "sqlite redis1 redis2").
# REDIS_EXTRA adds redis-server options, e.g. REDIS_EXTRA="--auto-aof-rewrite-percentage 0" (no automatic AOF rewrite).
set -euo pipefail
cd "$(dirname "$0")/../.."
rates=${1:-"200 300 400 500 600"}; seconds=${2:-15}; bound=${3:-50}; repeats=${REPEATS:-1}
out=$(mktemp -d)
dotnet publish bot/ChatOps.Bot -c Release -o "$out/bot" --nologo -v q >/dev/null
dotnet build tests/ChatOps.LoadDriver -c Release -o "$out/driver" --nologo -v q >/dev/null
export CHATOPS_API_KEY=bench-key
driver() { dotnet "$out/driver/ChatOps.LoadDriver.dll" "$@"; }

# Zero-loss Redis, as the README recommends: AOF with fsync on every write. Each Redis setup gets a fresh server and
# directory. With one server for both, the two-replica setup always started on the first setup's gigabyte of data and
# AOF, and in repeated runs on one server the tail grew as they did (docs/benchmarks.md).
start_redis() { # $1 = setup name
  rm -rf "${out:?}/redis-$1"; mkdir -p "$out/redis-$1"
  # shellcheck disable=SC2086 # REDIS_EXTRA is a list of options
  redis-server --port 6399 --bind 127.0.0.1 --dir "$out/redis-$1" --appendonly yes --appendfsync always --save "" --daemonize yes \
    --pidfile "$out/redis.pid" ${REDIS_EXTRA:-} >/dev/null
  for _ in $(seq 1 50); do redis-cli -p 6399 ping >/dev/null 2>&1 && break; sleep 0.1; done
}
stop_redis() {
  redis-cli -p 6399 shutdown nosave >/dev/null 2>&1 || true
  for _ in $(seq 1 50); do redis-cli -p 6399 ping >/dev/null 2>&1 || break; sleep 0.1; done
}

start_bot() { # $1 = port, then extra arguments; prints the pid
  local port=$1; shift
  (cd "$out/bot" && exec dotnet ChatOps.Bot.dll --urls "http://127.0.0.1:$port" --environment Production \
     --Api:Keys:0=$CHATOPS_API_KEY --Logging:LogLevel:Default=Warning "$@" >"$out/bot-$port.log" 2>&1) &
  local pid=$!
  for _ in $(seq 1 300); do curl -sf "http://127.0.0.1:$port/healthz" >/dev/null && break; sleep 0.2; done
  echo "$pid"
}
cpu_ticks() { local t=0 p; for p in "$@"; do t=$((t + $(awk '{print $14 + $15}' "/proc/$p/stat"))); done; echo "$t"; }
redis_calls() { # 0 when no Redis runs (the SQLite setup)
  { redis-cli -p 6399 info commandstats 2>/dev/null || true; } |
    awk -F'[=,:]' '/^cmdstat_/ && !/cmdstat_(info|ping|subscribe|client|cluster|config|echo|hello)/ {n += $3} END {print n + 0}'
}
field() { sed -E "s/.*\"$1\":([0-9.]+).*/\1/" <<<"$2"; }

ladder() { # label urls pids...
  local label=$1 urls=$2; shift 2
  # Warm-up at a mid rate until the JIT has settled: tiered compilation re-jits about 14,000 methods after start, and
  # each replica does it for itself (perf showed 40 % of a replica's CPU in the JIT after a 10 s warm-up).
  driver mix "$urls" 300 40 >/dev/null || true
  local best=0 failed=0 rate run report ticks calls ok p99 n p99s answered
  for rate in $rates; do
    p99s=(); answered=1
    for run in $(seq 1 "$repeats"); do
      ticks=$(cpu_ticks "$@"); calls=$(redis_calls)
      report=$(driver mix "$urls" "$rate" "$seconds" 50 3 || true)
      ticks=$(( $(cpu_ticks "$@") - ticks )); calls=$(( $(redis_calls) - calls ))
      ok=$(field ok "$report"); p99=$(field p99_ms "$report")
      n=$((ok + rate * 3))   # the CPU and Redis counters also cover the unmeasured seconds
      echo "$label @ $rate/s, run $run: $report"
      echo "$label @ $rate/s, run $run: bot CPU $(awk -v t="$ticks" -v n="$n" 'BEGIN {printf "%.2f", t * 10 / n}') ms per answered command, Redis commands (top-level and inside scripts, pumps included) per answered command $(awk -v c="$calls" -v n="$n" 'BEGIN {printf "%.1f", c / n}')"
      p99s+=("$p99"); [ "$ok" -eq $((rate * seconds)) ] || answered=0
    done
    p99=$(printf '%s\n' "${p99s[@]}" | sort -g | awk '{v[NR] = $1} END {print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2}')
    if [ "$answered" -eq 1 ] && awk -v p="$p99" -v b="$bound" 'BEGIN {exit !(p <= b)}'; then
      echo "$label @ $rate/s: passed (median p99 $p99 ms of ${p99s[*]})"
      [ "$failed" -eq 1 ] || best=$rate
    else
      echo "$label @ $rate/s: FAILED (median p99 $p99 ms of ${p99s[*]}; every command answered: $answered)"
      failed=1
    fi
  done
  # A rung above a failed one may pass by luck; the figure that counts is the highest rate below the first failure.
  echo "$label: highest rate with it and every lower rung passing (every command answered, median p99 <= $bound ms): $best/s"
}

setups=" ${SETUPS:-sqlite redis1 redis2} "
if [[ $setups == *" sqlite "* ]]; then
  pid=$(start_bot 5101 --Store:Sqlite:Path="$out/sqlite.db")
  ladder "sqlite, 1 replica" http://127.0.0.1:5101/ "$pid"
  kill "$pid"; wait "$pid" 2>/dev/null || true
fi

redis=(--Store:Provider=Redis --Store:Redis:Configuration=127.0.0.1:6399)
if [[ $setups == *" redis1 "* ]]; then
  start_redis one
  pid=$(start_bot 5102 "${redis[@]}" --Store:Redis:KeyPrefix=one:)
  ladder "redis, 1 replica" http://127.0.0.1:5102/ "$pid"
  kill "$pid"; wait "$pid" 2>/dev/null || true
  stop_redis
fi

if [[ $setups == *" redis2 "* ]]; then
  start_redis two
  pid1=$(start_bot 5103 "${redis[@]}" --Store:Redis:KeyPrefix=two:)
  pid2=$(start_bot 5104 "${redis[@]}" --Store:Redis:KeyPrefix=two:)
  ladder "redis, 2 replicas" http://127.0.0.1:5103/,http://127.0.0.1:5104/ "$pid1" "$pid2"
  kill "$pid1" "$pid2"; wait "$pid1" "$pid2" 2>/dev/null || true
  stop_redis
fi

rm -rf "$out"
