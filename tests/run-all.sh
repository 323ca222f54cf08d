#!/usr/bin/env bash
# The one test command (README "Test"; .ci/run calls exactly this).
# Installs what a fresh Debian machine with the .NET SDK lacks, then runs every test.
# A missing tool is installed here or fails the run: no test skips silently.
set -euo pipefail
cd "$(dirname "$0")/.."

as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }

# Debian packages: chromium for the browser tests, node/npm for the official validator packages, redis-server for the Redis store tests.
missing=()
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
command -v node >/dev/null 2>&1 || missing+=(nodejs)
command -v npm >/dev/null 2>&1 || missing+=(npm)
command -v redis-server >/dev/null 2>&1 || missing+=(redis-server)
if [ ${#missing[@]} -gt 0 ]; then
  echo "installing: ${missing[*]}"
  as_root apt-get update -qq
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq "${missing[@]}" >/dev/null
fi

# npm packages: the official Adaptive Cards library (card validation) and the Teams emulator (Agents Playground).
for dir in tests/validators tests/playground; do
  npm ci --prefix "$dir" --no-audit --no-fund --loglevel=error >/dev/null
done

# Playwright drives Debian's chromium (ExecutablePath); it must never download a browser.
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1

results=$(mktemp -d)
set +e
# One test assembly at a time (-m:1): the suites start real servers and processes, and two cores shared by
# several of them at once only make timing-sensitive tests flaky. A hung test fails the run, not CI's clock:
# its host is killed (with a list of the tests it was running) after 10 minutes in one test.
dotnet test ChatOps.sln -m:1 --nologo --logger "trx" --results-directory "$results" --blame-hang-timeout 10m 2>&1 | tee "$results/console.log"
status=${PIPESTATUS[0]}
set -e

# One closing line over every test assembly: "N passed, N failed, N skipped".
read -r passed failed skipped < <(python3 - "$results" <<'PY'
import glob, sys, xml.etree.ElementTree as ET
p = f = s = 0
for path in glob.glob(sys.argv[1] + "/*.trx"):
    c = ET.parse(path).getroot().find(".//{*}Counters")
    p += int(c.get("passed", 0)); f += int(c.get("failed", 0)) + int(c.get("error", 0)) + int(c.get("timeout", 0))
    s += int(c.get("notExecuted", 0))
print(p, f, s)
PY
)
echo "tests: ${passed} passed, ${failed} failed, ${skipped} skipped"
if [ "$skipped" -ne 0 ]; then echo "a test was skipped: every skip needs a tracked reason, and none is allowed in the run" >&2; exit 1; fi
if [ "$passed" -eq 0 ]; then echo "no test ran" >&2; exit 1; fi
exit "$status"
