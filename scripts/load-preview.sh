#!/usr/bin/env bash
# Load run against the preview API (POST /api/plans/preview) at rising concurrency, with the
# trivial liveness endpoint (GET /health/live, no checks) of the same app in the same run as the
# yardstick. The app is published in Release and runs in Production on a throwaway PostgreSQL
# cluster; the preview's rate limit is raised for the run (RateLimiting__PreviewPerMinute), or
# every client past 120 previews a minute would get 429s.
#
#   scripts/load-preview.sh                      # 60 s per step: about 11 minutes
#   DURATION=10 STEPS="1 4 16" scripts/load-preview.sh   # a quick try
#   PREVIEW_LIMIT=120 DURATION=5 STEPS=4 scripts/load-preview.sh  # the default limit: FAILs with 429s
#
# For each concurrency step it prints throughput, p50/p95/p99 latency and errors (connect, read,
# write and timeouts, plus any status other than 2xx) for both endpoints, and the preview's
# throughput as a share of the liveness endpoint's. PASS when no step up to the last had an error.
# wrk (Debian's package) is installed if missing. Traffic goes to 127.0.0.1 only.
set -euo pipefail
source "$(dirname "$0")/lib/throwaway.sh"
trap cleanup EXIT

DURATION="${DURATION:-60}"
STEPS="${STEPS:-1 4 16 64 128}"
THREADS="${THREADS:-1}"
out="${OUT:-$root/test-artifacts/load}"
mkdir -p "$out"

if ! command -v wrk >/dev/null; then
  echo "==> Installing wrk from Debian's packages"
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null
fi

start_date="$(date -u -d '+14 days' +%Y-%m-%d)"
cat >"$WORK/answers.json" <<JSON
{"concerns":["AcneScars"],"acneScarTypes":["Boxcar","Rolling"],"acneScarSeverity":"Moderate","age":34,
 "fitzpatrickType":3,"skinSensitivity":"Normal","smoking":"Never","sunExposure":"Moderate","dailySunscreen":true,
 "skincareRoutine":"Basic","alcohol":"Moderate","sleepAndNutrition":"Good","medications":[],"conditions":[],
 "usedHomeDevice":false,"preferredStartDate":"$start_date"}
JSON

pg_start_cluster
publish_app
start_app Production \
  RateLimiting__PreviewPerMinute="${PREVIEW_LIMIT:-1000000}" \
  Email__Sender=Smtp Email__Smtp__Host=smtp.invalid Email__Smtp__From=planner@planner.test \
  App__PublicBaseUrl="http://127.0.0.1/" AllowedHosts=127.0.0.1

# One request each, checked, so a broken endpoint fails here and not as a wall of errors.
curl -fsS -o /dev/null "$APP_URL/health/live"
code="$(curl -sS -o "$WORK/preview.json" -w '%{http_code}' -H 'Content-Type: application/json' --data-binary @"$WORK/answers.json" "$APP_URL/api/plans/preview")"
[ "$code" = 200 ] || { echo "The preview answered $code:"; cat "$WORK/preview.json"; exit 1; }
echo "==> Preview answers 200 with $(wc -c <"$WORK/preview.json") bytes of plan"

run_wrk() { # run_wrk CONNECTIONS SECONDS PATH [BODYFILE] -> prints the RESULT fields
  local c="$1" d="$2" path="$3" body="${4:-}"
  local t=$(( c < THREADS ? c : THREADS ))
  WRK_BODY_FILE="$body" wrk -t "$t" -c "$c" -d "${d}s" --timeout 10s -s "$root/scripts/load/report.lua" "$APP_URL$path" \
    | awk '/^RESULT/ { $1=""; print }'
}

echo "==> Warming up (10 s each, not counted)"
run_wrk 4 10 /health/live >/dev/null
run_wrk 4 10 /api/plans/preview "$WORK/answers.json" >/dev/null

machine="$(nproc) cores, $(lscpu | sed -n 's/^Model name: *//p' | head -1)"
report="$out/load-preview.md"
{
  echo "Load run $(date -u '+%Y-%m-%d %H:%M UTC'), $DURATION s per step and endpoint, wrk with $THREADS thread(s) on the same machine ($machine)."
  echo "The app: Release, Production environment, PostgreSQL $("$PG_BIN/postgres" --version | awk '{print $3}') on the same machine; preview rate limit raised for the run."
  echo
  echo "| connections | endpoint | requests/s | p50 ms | p95 ms | p99 ms | errors | preview / live |"
  echo "|---:|---|---:|---:|---:|---:|---:|---:|"
} >"$report"

failures=0
for c in $STEPS; do
  read -r lreq lsec lconn lread lwrite lstatus ltime lp50 lp95 lp99 < <(run_wrk "$c" "$DURATION" /health/live)
  read -r preq psec pconn pread pwrite pstatus ptime pp50 pp95 pp99 < <(run_wrk "$c" "$DURATION" /api/plans/preview "$WORK/answers.json")
  lrps="$(awk -v r="$lreq" -v s="$lsec" 'BEGIN { printf "%.0f", r / s }')"
  prps="$(awk -v r="$preq" -v s="$psec" 'BEGIN { printf "%.0f", r / s }')"
  ratio="$(awk -v p="$prps" -v l="$lrps" 'BEGIN { printf "%.3f", (l > 0 ? p / l : 0) }')"
  lerr=$(( lconn + lread + lwrite + lstatus + ltime ))
  perr=$(( pconn + pread + pwrite + pstatus + ptime ))
  failures=$(( failures + lerr + perr ))
  echo "| $c | /health/live | $lrps | $lp50 | $lp95 | $lp99 | $lerr | |" >>"$report"
  echo "| $c | /api/plans/preview | $prps | $pp50 | $pp95 | $pp99 | $perr | $ratio |" >>"$report"
  echo "    $c connections: live $lrps req/s (p99 $lp99 ms, $lerr errors); preview $prps req/s (p50 $pp50, p95 $pp95, p99 $pp99 ms, $perr errors of which $pstatus non-2xx); preview/live $ratio"
done

echo >>"$report"
if [ "$failures" -eq 0 ]; then result="PASS: no errors at any step up to ${c} connections"; else result="FAIL: $failures errors (see the table)"; fi
echo "$result." >>"$report"
echo
cat "$report"
echo
echo "Report written to ${report#$root/}"
[ "$failures" -eq 0 ]
