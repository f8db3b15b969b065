# Shared by the load and fault scripts (sourced, not run): a throwaway PostgreSQL cluster on a
# loopback port and the app published in Release, started and stopped by process id.
# Everything lives under $WORK (a temporary folder) and is removed by cleanup, which the caller
# runs on EXIT.

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
WORK="${WORK:-$(mktemp -d /tmp/planner-script-XXXXXX)}"
chmod 755 "$WORK"
app_pid=""

as_postgres() { if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }

pg_bin() {
  local dir
  dir="$(pg_config --bindir 2>/dev/null || true)"
  [ -x "$dir/initdb" ] || dir="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)"
  [ -x "$dir/initdb" ] || { echo "No PostgreSQL server binaries: apt-get install postgresql" >&2; return 1; }
  echo "$dir"
}

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }

# Starts a cluster (durable settings, as a real server would run) and sets PG_PORT and CONNECTION.
pg_start_cluster() {
  PG_BIN="$(pg_bin)"
  PG_DATA="$WORK/pg/data"
  PG_PORT="$(free_port)"
  [ "$(id -u)" -ne 0 ] || id -u postgres >/dev/null 2>&1 || useradd --system --no-create-home --shell /usr/sbin/nologin postgres
  mkdir -p "$WORK/pg"
  [ "$(id -u)" -ne 0 ] || chown -R postgres "$WORK/pg"
  as_postgres "$PG_BIN/initdb" -D "$PG_DATA" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
  pg_start
  as_postgres "$PG_BIN/psql" -h 127.0.0.1 -p "$PG_PORT" -U postgres -qc "CREATE DATABASE planner" >/dev/null
  CONNECTION="Host=127.0.0.1;Port=$PG_PORT;Database=planner;Username=postgres"
}

pg_start() {
  as_postgres "$PG_BIN/pg_ctl" -D "$PG_DATA" -l "$WORK/pg/postgres.log" -w -t 60 start \
    -o "-c listen_addresses=127.0.0.1 -p $PG_PORT -k $WORK/pg -c max_connections=300" >/dev/null
}

# Fast shutdown: what an operator's restart does; open connections are cut.
pg_stop() { as_postgres "$PG_BIN/pg_ctl" -D "$PG_DATA" -m fast -w stop >/dev/null; }

psql_q() { as_postgres "$PG_BIN/psql" -h 127.0.0.1 -p "$PG_PORT" -U postgres -d planner -Atqc "$1"; }

publish_app() {
  echo "==> Publishing the app (Release)"
  dotnet publish "$root/src/MicroneedlingPlanner.Web" -c Release -o "$WORK/app" -nologo -clp:ErrorsOnly >/dev/null
}

# start_app ENVIRONMENT [NAME=VALUE...]: starts the published app on APP_PORT and waits until it answers.
start_app() {
  local environment="$1"; shift
  APP_PORT="${APP_PORT:-$(free_port)}"
  APP_URL="http://127.0.0.1:$APP_PORT"
  (cd "$WORK/app" && exec env ASPNETCORE_ENVIRONMENT="$environment" ASPNETCORE_URLS="$APP_URL" \
    Database__Provider=Postgres ConnectionStrings__Planner="$CONNECTION" "$@" \
    dotnet MicroneedlingPlanner.Web.dll >>"$WORK/app.log" 2>&1) &
  app_pid=$!
  for _ in $(seq 1 120); do
    curl -fsS -o /dev/null "$APP_URL/health/live" 2>/dev/null && return 0
    kill -0 "$app_pid" 2>/dev/null || { echo "The app stopped while starting:" >&2; tail -30 "$WORK/app.log" >&2; return 1; }
    sleep 0.5
  done
  echo "The app did not answer within 60 s" >&2; return 1
}

stop_app() {
  [ -n "$app_pid" ] || return 0
  kill "$app_pid" 2>/dev/null || true
  wait "$app_pid" 2>/dev/null || true
  app_pid=""
}

cleanup() {
  stop_app
  if [ -n "${PG_DATA:-}" ] && [ -f "$PG_DATA/postmaster.pid" ]; then
    as_postgres "$PG_BIN/pg_ctl" -D "$PG_DATA" -m immediate -w stop >/dev/null 2>&1 || true
  fi
  if [ -n "${KEEP_WORK:-}" ]; then echo "Kept $WORK"; else rm -rf "$WORK"; fi
}
