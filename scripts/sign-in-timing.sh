#!/usr/bin/env bash
# The sign-in timing figure in docs/reliability.md: a failed sign-in for an address with an account
# and for one without should take the same time, or the form tells who has an account here.
# Runs the Release build in Development (its seeded admin@planner.test is the known address) on a
# throwaway SQLite file, with the lockout and the sign-in rate limit raised so that neither cuts the
# run short, and times ROUNDS wrong-password POSTs of each kind, interleaved, with curl. Prints the
# median and 90th percentile of each and their ratio.
set -euo pipefail
cd "$(dirname "$0")/.."
rounds="${ROUNDS:-40}" # at most 98: the known account locks after 100 failures (the most Accounts:Lockout allows)
port="${PORT:-5187}"
work="$(mktemp -d)"
trap 'kill "$app" 2>/dev/null || true; rm -rf "$work"' EXIT

dotnet publish src/MicroneedlingPlanner.Web -c Release -o "$work/app" -nologo -clp:ErrorsOnly >/dev/null
ASPNETCORE_ENVIRONMENT=Development ASPNETCORE_URLS="http://127.0.0.1:$port" \
  ConnectionStrings__Planner="Data Source=$work/planner.db" \
  Accounts__Lockout__MaxFailedAttempts=100 RateLimiting__SignInPerMinute=100000 \
  Logging__LogLevel__Default=Warning \
  dotnet "$work/app/MicroneedlingPlanner.Web.dll" --contentRoot "$work/app" >"$work/app.log" 2>&1 &
app=$!
for _ in $(seq 60); do curl -sf "http://127.0.0.1:$port/health" >/dev/null && break; sleep 1; done
curl -sf "http://127.0.0.1:$port/health" >/dev/null || { echo "The app did not start:" >&2; grep -v '^   at ' "$work/app.log" | head -20 >&2; exit 1; }

# One wrong-password attempt; prints the seconds the POST took.
attempt() {
  local jar="$work/jar-$RANDOM" page token
  page="$(curl -s -c "$jar" "http://127.0.0.1:$port/Account/Login")"
  token="$(grep -o 'name="__RequestVerificationToken" value="[^"]*"' <<<"$page" | head -1 | sed 's/.*value="//; s/"$//')"
  curl -s -o /dev/null -b "$jar" -w '%{time_total}\n' \
    --data-urlencode "__RequestVerificationToken=$token" --data-urlencode "_handler=login" \
    --data-urlencode "Input.Email=$1" --data-urlencode "Input.Password=not-the-password-at-all" \
    "http://127.0.0.1:$port/Account/Login"
  rm -f "$jar"
}

attempt admin@planner.test >/dev/null # warm-up
for i in $(seq "$rounds"); do
  attempt admin@planner.test >>"$work/known"
  attempt "nobody-$i@planner.test" >>"$work/unknown"
done

stats() { sort -g "$1" | awk '{ v[NR] = $1 } END { printf "%.1f %.1f", v[int((NR + 1) / 2)] * 1000, v[int(NR * 0.9)] * 1000 }'; }
read -r known_median known_p90 <<<"$(stats "$work/known")"
read -r unknown_median unknown_p90 <<<"$(stats "$work/unknown")"
echo "failed sign-in, $rounds rounds each, $(date -u +%F) on $(nproc) cores:"
echo "  known address:   median ${known_median} ms, p90 ${known_p90} ms"
echo "  unknown address: median ${unknown_median} ms, p90 ${unknown_p90} ms"
awk -v k="$known_median" -v u="$unknown_median" 'BEGIN { printf "  ratio unknown/known (medians): %.2f\n", u / k }'
