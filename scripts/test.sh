#!/usr/bin/env bash
# The README's test command. On a fresh Debian machine it installs what is missing (Chromium,
# docker-compose v1, the PostgreSQL server), restores tools, builds, checks that migrations match
# the model for both providers and that the compose file is valid, then runs every test project.
# Without TEST_PG_CONNECTION the test fixtures start a throwaway PostgreSQL cluster themselves.
# The last line printed is "N passed, N failed".
set -euo pipefail
cd "$(dirname "$0")/.."

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"
  elif command -v sudo >/dev/null; then sudo "$@"
  else echo "Root is needed to run: $*" >&2; return 1
  fi
}

apt_updated=no
apt_install() {
  echo "==> Installing $* from Debian's packages"
  if [ "$apt_updated" = no ]; then as_root apt-get update -qq; apt_updated=yes; fi
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null
}

# Chromium for the Playwright tests (CHROMIUM_PATH points elsewhere, e.g. Chrome on GitHub runners).
if [ -z "${CHROMIUM_PATH:-}" ]; then
  [ -x /usr/bin/chromium ] || apt_install chromium
  export CHROMIUM_PATH=/usr/bin/chromium
fi

# A compose validator: docker-compose v1 works offline without a Docker engine.
if command -v docker-compose >/dev/null; then compose=(docker-compose)
elif docker compose version >/dev/null 2>&1; then compose=(docker compose)
else apt_install docker-compose; compose=(docker-compose)
fi

# PostgreSQL server binaries for the throwaway cluster, unless a server is given.
if [ -z "${TEST_PG_CONNECTION:-}" ] && ! command -v initdb >/dev/null && ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
  apt_install postgresql
fi

# axe-core, injected by the browser tests to check accessibility (AXE_CORE_PATH points elsewhere).
axe_dir=tests/MicroneedlingPlanner.E2E/node_modules/axe-core
if [ -z "${AXE_CORE_PATH:-}" ] && [ ! -f "$axe_dir/axe.min.js" ]; then
  command -v npm >/dev/null || apt_install npm
  echo "==> Installing axe-core from the npm registry"
  (cd tests/MicroneedlingPlanner.E2E && npm ci --no-audit --no-fund --silent)
fi

echo "==> Restoring tools and building"
dotnet tool restore
dotnet build MicroneedlingPlanner.sln -c Debug -nologo -clp:ErrorsOnly

echo "==> Checking that the migrations match the model (both providers)"
for context in SqlitePlannerDbContext PostgresPlannerDbContext; do
  dotnet ef migrations has-pending-model-changes --project src/MicroneedlingPlanner.Web --context "$context" --no-build
done

echo "==> Checking docker-compose.yml (alone and with the trial override)"
"${compose[@]}" -f docker-compose.yml config -q
"${compose[@]}" -f docker-compose.yml -f docker-compose.trial.yml config -q

echo "==> Checking the Release build that the Dockerfile publishes"
dotnet publish src/MicroneedlingPlanner.Web -c Release -o artifacts/publish -nologo -clp:ErrorsOnly

echo "==> Running the tests"
log=$(mktemp)
started=$(mktemp)
status=0
dotnet test MicroneedlingPlanner.sln --no-build -c Debug 2>&1 | tee "$log" || status=$?

# Test runs keep their pictures under test-artifacts/; only scripts/screenshots.sh refreshes the README's.
if [ -n "$(find docs/screenshots -newer "$started" -print -quit)" ]; then
  echo "The tests wrote to docs/screenshots; they must write under test-artifacts/ (scripts/screenshots.sh refreshes the README's pictures)." >&2
  status=1
fi
rm -f "$started"

# One line for the whole run, summed over the projects' own summaries.
awk '/(Passed|Failed)! +- +Failed:/ {
       for (i = 1; i <= NF; i++) { if ($i == "Failed:") f += $(i+1); if ($i == "Passed:") p += $(i+1) }
     }
     END { printf "%d passed, %d failed\n", p, f }' FS='[ ,]+' "$log"
rm -f "$log"
exit "$status"
