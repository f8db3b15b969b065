#!/usr/bin/env bash
# Refreshes the README's pictures in docs/screenshots/. It runs only the browser tests that take
# them (trait Category=ReadmePictures) with SCREENSHOTS_DIR pointing at docs/screenshots; ordinary
# test runs (scripts/test.sh) write their copies under test-artifacts/readme-pictures/ and never
# change docs/. Needs what scripts/test.sh installs: Chromium (or CHROMIUM_PATH) and the PostgreSQL
# server binaries (or TEST_PG_CONNECTION). Commit the pictures that changed.
set -euo pipefail
cd "$(dirname "$0")/.."

export CHROMIUM_PATH="${CHROMIUM_PATH:-/usr/bin/chromium}"
export SCREENSHOTS_DIR="$PWD/docs/screenshots"

dotnet test tests/MicroneedlingPlanner.E2E -c Debug -nologo --filter "Category=ReadmePictures"

echo "==> Pictures in docs/screenshots that differ from the last commit:"
git status --short -- docs/screenshots
