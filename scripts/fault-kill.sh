#!/usr/bin/env bash
# The app process is killed (SIGKILL: no shutdown, no flushing) and started again, twice: once
# with a questionnaire half answered, once just after a plan was sent. The app runs in Release
# (Development environment, so the sign-up confirmation link shows on the page) on a throwaway
# PostgreSQL cluster; Debian's Chromium plays the patient (scripts/fault/journey.mjs), keeping its
# cookies and local storage across the restarts as a real browser would. The checks:
#   - after the first kill the questionnaire resumes on the same topic with every answer;
#   - after the second kill the sent plan is in My plans exactly once, and the database holds one
#     plan for the patient and no draft.
# Prints PASS or FAIL at the end; the exit code follows. Traffic goes to 127.0.0.1 only.
set -euo pipefail
source "$(dirname "$0")/lib/throwaway.sh"
trap cleanup EXIT

[ -x /usr/bin/chromium ] || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; }
(cd "$root/scripts/fault" && [ -d node_modules/playwright-core ] || npm ci --no-audit --no-fund --silent)

pg_start_cluster
publish_app
start_app Development
echo "==> App on $APP_URL (process $app_pid), PostgreSQL on port $PG_PORT"

journey() { node "$root/scripts/fault/journey.mjs" "$@" "$WORK/browser-state.json" ${reference:+"$reference"} | tee -a "$WORK/journey.log"; return "${PIPESTATUS[0]}"; }
kill_and_restart() {
  echo "# SIGKILL to the app (process $app_pid), then a new start on the same port"
  kill -KILL "$app_pid"
  wait "$app_pid" 2>/dev/null || true
  app_pid=""
  start_app Development
}

failed=0
reference=""
journey before-kill "$APP_URL/" || failed=$((failed + $?))
kill_and_restart
journey after-kill "$APP_URL/" || failed=$((failed + $?))
reference="$(sed -n 's/^REFERENCE //p' "$WORK/journey.log" | tail -1)"
kill_and_restart
journey after-second-kill "$APP_URL/" || failed=$((failed + $?))

plans="$(psql_q "SELECT count(*) FROM \"SubmittedPlans\" WHERE \"PatientName\" = 'Fault Script'")"
stored_reference="$(psql_q "SELECT \"Reference\" FROM \"SubmittedPlans\" WHERE \"PatientName\" = 'Fault Script'")"
drafts="$(psql_q "SELECT count(*) FROM \"IntakeDrafts\"")"
echo "# plans stored for the patient: $plans (reference $stored_reference); drafts left: $drafts"
[ "$plans" = 1 ] && [ "$stored_reference" = "$reference" ] && echo "ok - one plan stored, the one whose reference was shown" \
  || { echo "not ok - $plans plans stored (reference shown '$reference', stored '$stored_reference')"; failed=$((failed+1)); }
[ "$drafts" = 0 ] && echo "ok - no draft left behind" || { echo "not ok - $drafts drafts left"; failed=$((failed+1)); }

total=$(( $(grep -cE '^(ok|not ok) - ' "$WORK/journey.log") + 2 ))
echo
if [ "$failed" -eq 0 ]; then echo "PASS: fault-kill, $total checks, $(date -u '+%Y-%m-%d %H:%M UTC')"; else echo "FAIL: fault-kill, $failed of $total checks failed"; fi
[ "$failed" -eq 0 ]
