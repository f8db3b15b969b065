#!/usr/bin/env bash
# PostgreSQL stops while a patient is in the middle of the questionnaire, and again while they
# send their plan, then starts again. The app (Release, Development environment, so the sign-up
# confirmation link shows on the page) runs on a throwaway cluster; Debian's Chromium plays the
# patient (scripts/fault/journey.mjs, playwright-core from the npm registry). The checks:
#   - an answer given while the database is down gets a plain message where the patient looks
#     (the save line under the buttons), and stays on the page;
#   - once the database is back, the next save stores everything, and a reload shows it;
#   - a send while the database stays down past the app's retries says so beside the button and
#     keeps the form; a press while it restarts completes once it is back;
#   - the database holds exactly one plan for that patient, and no draft.
# Prints PASS or FAIL at the end; the exit code follows. Traffic goes to 127.0.0.1 only.
set -euo pipefail
source "$(dirname "$0")/lib/throwaway.sh"
trap cleanup EXIT

[ -x /usr/bin/chromium ] || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; }
(cd "$root/scripts/fault" && [ -d node_modules/playwright-core ] || npm ci --no-audit --no-fund --silent)

pg_start_cluster
publish_app
start_app Development
echo "==> App on $APP_URL, PostgreSQL on port $PG_PORT"

# Run by the browser script at its fault points.
db_env="WORK='$WORK' PG_BIN='$PG_BIN' PG_DATA='$PG_DATA' PG_PORT='$PG_PORT'; source '$root/scripts/lib/throwaway.sh'"
export STOP_DB="$db_env; pg_stop" START_DB="$db_env; pg_start"
set +e
node "$root/scripts/fault/journey.mjs" database "$APP_URL/" | tee "$WORK/journey.log"
journey=${PIPESTATUS[0]}
set -e

reference="$(sed -n 's/^REFERENCE //p' "$WORK/journey.log" | tail -1)"
plans="$(psql_q "SELECT count(*) FROM \"SubmittedPlans\" WHERE \"PatientName\" = 'Fault Script'")"
drafts="$(psql_q "SELECT count(*) FROM \"IntakeDrafts\"")"
stored_reference="$(psql_q "SELECT \"Reference\" FROM \"SubmittedPlans\" WHERE \"PatientName\" = 'Fault Script'")"
echo "# plans stored for the patient: $plans (reference $stored_reference); drafts left: $drafts"
checks=0
[ "$plans" = 1 ] && echo "ok - exactly one plan stored" || { echo "not ok - $plans plans stored"; checks=$((checks+1)); }
[ "$drafts" = 0 ] && echo "ok - the draft was deleted with the send" || { echo "not ok - $drafts drafts left"; checks=$((checks+1)); }
[ -n "$reference" ] && [ "$reference" = "$stored_reference" ] && echo "ok - the reference shown is the one stored" \
  || { echo "not ok - reference shown '$reference', stored '$stored_reference'"; checks=$((checks+1)); }
grep -q "Unhandled exception" "$WORK/app.log" \
  && { echo "not ok - the app log has an unhandled exception"; checks=$((checks+1)); } || echo "ok - no unhandled exception in the app's log"

failed=$(( journey + checks ))
total=$(grep -cE '^(ok|not ok) - ' "$WORK/journey.log")
echo
if [ "$failed" -eq 0 ]; then echo "PASS: fault-database, $((total + 4)) checks, $(date -u '+%Y-%m-%d %H:%M UTC')"; else echo "FAIL: fault-database, $failed of $((total + 4)) checks failed"; fi
[ "$failed" -eq 0 ]
