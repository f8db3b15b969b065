#!/usr/bin/env bash
# The page-weight figure in docs/performance.md: publishes the Release build to artifacts/publish,
# then runs only the browser tests in PageWeightTests against it (the app as its own process on a
# loopback port, an empty SQLite file, Chromium with an empty cache). Prints the transfer of each
# resource of the questionnaire's first load, the total against the 500 KB budget, and how much of
# each stylesheet the questionnaire uses. Needs what ./scripts/test.sh installs: Chromium, and the
# PostgreSQL server binaries (the browser-test assembly starts its throwaway PostgreSQL for all its
# tests, although these two use SQLite).
set -euo pipefail
cd "$(dirname "$0")/.."

if [ -z "${CHROMIUM_PATH:-}" ]; then
  if [ ! -x /usr/bin/chromium ]; then
    echo "No Chromium: run ./scripts/test.sh once (it installs Debian's chromium) or set CHROMIUM_PATH." >&2
    exit 1
  fi
  export CHROMIUM_PATH=/usr/bin/chromium
fi

echo "==> Publishing the Release build"
dotnet publish src/MicroneedlingPlanner.Web -c Release -o artifacts/publish -nologo -clp:ErrorsOnly

echo "==> Building the browser tests"
dotnet build tests/MicroneedlingPlanner.E2E -c Debug -nologo -clp:ErrorsOnly

echo "==> Measuring /plan/questions"
dotnet test tests/MicroneedlingPlanner.E2E --no-build -c Debug \
  --filter "FullyQualifiedName~MicroneedlingPlanner.E2E.PageWeightTests" \
  --logger "console;verbosity=detailed"
