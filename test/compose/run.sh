#!/usr/bin/env bash
# The compose end-to-end suite: the spec page "Upgrades & migrations"
# (docs/self-hosting/upgrades.md) and the install (docs/self-hosting/install.md), played out on
# the real Dockerfile and docker-compose.yml, brought up by real `docker compose`, exactly as an
# operator would: `make init`, `docker compose up -d --build`, `make backup`, `git pull`,
# `git checkout`, `make restore`, `docker compose down` / `up`.
#
#   bash test/compose/run.sh
#
# Each scenario is reported as one test, `PASS <name>` or `FAIL <name>: <reason>`; the last line is
# `N passed, N failed` and the exit status is non-zero if any failed. Scenarios run in order and
# share one install (a scenario whose precondition failed is reported FAIL, never skipped):
#
#   fresh_install          make init; up -d --build; migrate exits 0; api+worker healthy; owner logs in
#   rerun_is_noop          up -d again: migrate runs again, exits 0, applies nothing; no table changes
#   make_targets           make status / doctor / backup / verify / rehearse / organization /
#                          reset-password on the live install
#   data_survives_down_up  graceful stop; down (no -v); up -d: same data, same owner logs in
#   failed_upgrade         a version whose migration fails half-way: up fails, migrate exited non-zero,
#                          the new api/worker never started, the database is exactly as before; then
#                          checking out the previous version again recovers
#   upgrade                make backup; git pull (a new migration + code using it); up -d --build:
#                          migrated, new code runs, earlier data intact, automatic pre-upgrade backup
#   override_untouched     docker-compose.override.yml (custom secret, https PUBLIC_URL, org name)
#                          survived git pull / git checkout and is applied by the running api
#   newer_database_refused older code without restoring: migrate refuses, api/worker don't start
#   rollback               make restore FILE=<backup before the upgrade>; git checkout <previous>;
#                          up -d --build: old code, old schema, pre-upgrade data
#   image_hygiene          non-root user, no secret, no dev dependency, no .git; prints the size
#   missing_override       no override: db says to run `make init`, up fails, nothing else starts
#
# It never touches this checkout: it clones HEAD into a temporary directory ("upstream", where the
# newer and the broken versions are committed) and clones that again as the operator's install.
# It uses a unique compose project name, image tag and host port, and always removes what it
# created (`down -v` of each project, its image tags, the temporary clones).
#
# Engine: the Docker that answers (`docker info` and `docker compose version`); otherwise
# compose-lab (podman + docker-compose 1.29), found at $COMPOSE_LAB, ../shared/compose-lab next to
# the checkout, or /work/shared/compose-lab. compose-lab is set up if needed and left running (its
# setup is idempotent; `teardown` stops it). Run as root or as uid 1000 (the containers' user
# writes the backups folder).
#
# Knobs: E2E_TIMEOUT (seconds per wait / compose call, default 300), E2E_BUILD_TIMEOUT (per
# `up --build`, default 900), E2E_PORT (host port, default: a free one), E2E_KEEP=1 (leave the
# project, clones and image in place for debugging; prints how to remove them).
set -uo pipefail
# (With pipefail, never `producer | grep -q`: grep exits at the first match and the producer's
# SIGPIPE fails the pipeline. Capture first: grep -q … <<<"$(producer)".)

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
repo=$(cd "$here/../.." && pwd)
suite_started=$SECONDS
timeout_s=${E2E_TIMEOUT:-300}
build_timeout_s=${E2E_BUILD_TIMEOUT:-900}

passed=0
failed=0
REASON=
note() { echo "# $*"; }
indent() { sed -e 's/^/#   /'; }
finish() {
  note "suite time: $((SECONDS - suite_started)) s"
  echo "$passed passed, $failed failed"
  [ "$failed" -eq 0 ]
}

# --- workspace --------------------------------------------------------------------------------

tmp=$(mktemp -d "${TMPDIR:-/tmp}/rytask-compose-e2e.XXXXXX")
run_id="$$$RANDOM"
project="rytask-e2e-$run_id"      # compose project: lowercase letters, digits and dashes only
bare_project="$project-bare"
upstream="$tmp/upstream"          # where new versions are "released"
op="$tmp/rytask"                  # the operator's install (a clone of upstream)
bare="$tmp/bare"                  # an install without docker-compose.override.yml
engine_ready=0
lab=

cleanup() {
  local status=$?
  set +e
  if [ "${E2E_KEEP:-}" = 1 ]; then
    note "E2E_KEEP=1: left project $project (in $op), $bare_project and image ${RYTASK_IMAGE:-}; remove with:"
    note "  (cd $op && docker compose down -v); (cd $bare && docker compose -p $bare_project down -v); docker rmi ${RYTASK_IMAGE:-}; rm -rf $tmp"
    exit "$status"
  fi
  # the background install of missing_override, if still running
  [ -n "${bare_pid:-}" ] && kill "$bare_pid" 2>/dev/null && wait "$bare_pid" 2>/dev/null
  if [ "$engine_ready" = 1 ]; then
    if ! docker info >/dev/null 2>&1 && [ -n "$lab" ]; then
      note "the engine does not answer: re-running compose-lab setup to clean up"
      "$lab/setup" >"$tmp/compose-lab-setup-again.log" 2>&1
    fi
    [ -d "$op" ] && (cd "$op" && timeout 120 docker compose down -v --remove-orphans -t 5) >/dev/null 2>&1
    [ -d "$bare" ] && (cd "$bare" && timeout 120 docker compose -p "$bare_project" down -v --remove-orphans -t 5) >/dev/null 2>&1
    # Whatever `down` could not reach (e.g. a checkout whose compose file does not parse).
    local p ids
    for p in "$project" "$bare_project"; do
      ids=$(docker ps -aq --filter "label=com.docker.compose.project=$p" 2>/dev/null)
      [ -n "$ids" ] && docker rm -f $ids >/dev/null 2>&1
      ids=$(docker volume ls -q --filter "label=com.docker.compose.project=$p" 2>/dev/null)
      [ -n "$ids" ] && docker volume rm -f $ids >/dev/null 2>&1
      ids=$(docker network ls -q --filter "label=com.docker.compose.project=$p" 2>/dev/null)
      [ -n "$ids" ] && docker network rm $ids >/dev/null 2>&1
    done
    # The run's image tag, and the images of the versions it built (not the base images; an
    # image that something else also uses is refused by `rmi` and stays).
    docker rmi "$RYTASK_IMAGE" >/dev/null 2>&1
    for p in ${built_images:-}; do docker rmi "$p" >/dev/null 2>&1; done
  fi
  # The backups folder belongs to uid 1000; as root (or 1000) this removes it.
  rm -rf "$tmp" 2>/dev/null || note "could not remove $tmp completely"
  exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# --- an engine: real Docker, or compose-lab ---------------------------------------------------

# Keep the caller's compose settings out of it; the suite sets its own.
unset COMPOSE_FILE COMPOSE_PROFILES COMPOSE_ENV_FILES COMPOSE_PROJECT_NAME RYTASK_BACKUP_HOST_DIR \
  PUBLIC_URL RYTASK_ORG_NAME RYTASK_ADMIN_EMAIL RYTASK_ADMIN_PASSWORD

if docker compose version >/dev/null 2>&1 && docker info >/dev/null 2>&1; then
  note "engine: the Docker that answers ($(docker compose version 2>/dev/null | head -n1))"
else
  for dir in "${COMPOSE_LAB:-}" "$repo/../shared/compose-lab" /work/shared/compose-lab; do
    if [ -n "$dir" ] && [ -x "$dir/setup" ]; then lab=$(cd "$dir" && pwd); break; fi
  done
  if [ -z "$lab" ]; then
    echo "FAIL engine: no Docker engine answers and no compose-lab found (set COMPOSE_LAB)"
    failed=1
    finish
    exit 1
  fi
  note "engine: no Docker engine answers; setting up compose-lab ($lab)"
  if ! "$lab/setup" >"$tmp/compose-lab-setup.log" 2>&1; then
    tail -n 20 "$tmp/compose-lab-setup.log" | indent
    echo "FAIL engine: compose-lab setup failed"
    failed=1
    finish
    exit 1
  fi
  # shellcheck disable=SC1091
  . "${COMPOSE_LAB_DIR:-/tmp/compose-lab}/env"
  note "engine: compose-lab ($(docker compose version 2>/dev/null | head -n1)); it is left running"
fi
engine_ready=1
compose_major=$(docker compose version --short 2>/dev/null | sed -e 's/^v//' -e 's/\..*//')

free_port() {
  node -e 'const s = require("net").createServer().listen(0, "127.0.0.1", () => { console.log(s.address().port); s.close(); });' 2>/dev/null \
    || echo $((20000 + RANDOM % 20000))
}

# What an operator's shell would hold; `make` and `docker compose` in $op read it.
export COMPOSE_PROJECT_NAME=$project
export RYTASK_IMAGE="rytask-e2e:$run_id"
export RYTASK_HTTP_PORT=${E2E_PORT:-$(free_port)}
base="http://127.0.0.1:$RYTASK_HTTP_PORT"
public_url="https://rytask-e2e-$run_id.example.test"
org_name="E2E Org $run_id"
built_images=

note "project $project, image $RYTASK_IMAGE, port $RYTASK_HTTP_PORT, workspace $tmp"

# --- helpers ----------------------------------------------------------------------------------

# dc ARGS...: docker compose in the operator's install, as the operator types it.
# Any command that may create, replace or remove containers forgets the container ids.
dc() {
  case ${1:-} in ps | logs | exec | version | config) ;; *) rm -f "$tmp/ids" ;; esac
  (cd "$op" && timeout "$timeout_s" docker compose "$@")
}
dc_build() { rm -f "$tmp/ids"; (cd "$op" && timeout "$build_timeout_s" docker compose "$@"); }
mk() { rm -f "$tmp/ids"; (cd "$op" && timeout "$build_timeout_s" make -s "$@"); }
git_op() { git -C "$op" "$@"; }

# cid SERVICE: the id of the service's container (also when it exited), from
# `docker compose ps -a -q`. A compose call costs 1-2 s, so the ids of all services are read
# with one call and kept in a file (commands run in $(…) subshells) until dc/mk forget them.
cid() {
  if [ ! -s "$tmp/ids" ]; then
    local ids
    ids=$(dc ps -a -q 2>/dev/null)
    [ -n "$ids" ] || return 0
    # shellcheck disable=SC2086
    docker inspect -f '{{index .Config.Labels "com.docker.compose.service"}} {{.Id}} {{index .Config.Labels "com.docker.compose.oneoff"}}' $ids \
      >"$tmp/ids.new" 2>/dev/null && mv "$tmp/ids.new" "$tmp/ids"
  fi
  # not the one-off containers of `docker compose run` (make backup, status, …)
  awk -v s="$1" '$1 == s && $3 != "True" { print $2; exit }' "$tmp/ids" 2>/dev/null
}
inspect() { # inspect FORMAT SERVICE
  local id
  id=$(cid "$2")
  [ -n "$id" ] && docker inspect -f "$1" "$id" 2>/dev/null | tr -d '\r'
}
image_id() { docker image inspect -f '{{.Id}}' "$1" 2>/dev/null | sed 's/^sha256://'; }
container_image() { inspect '{{.Image}}' "$1" | sed 's/^sha256://'; }
exit_code() { inspect '{{.State.ExitCode}}' "$1"; }
# started_at SERVICE: empty when the container never started
started_at() { inspect '{{.State.StartedAt}}' "$1" | grep -v '^0001-01-01'; }

wait_healthy() { # SERVICE...
  local deadline=$((SECONDS + timeout_s)) service
  for service in "$@"; do
    until [ "$(inspect '{{if .State.Health}}{{.State.Health.Status}}{{end}}' "$service")" = healthy ]; do
      if [ "$SECONDS" -ge "$deadline" ]; then
        REASON="$service did not become healthy within ${timeout_s} s (status: $(inspect '{{.State.Status}}/{{if .State.Health}}{{.State.Health.Status}}{{end}}' "$service"))"
        return 1
      fi
      sleep 2
    done
  done
}

# http METHOD PATH [JSON]: sets HTTP_STATUS; body in $tmp/http.body, headers in $tmp/http.headers
http() {
  : >"$tmp/http.body"
  : >"$tmp/http.headers"
  local args=(-s -o "$tmp/http.body" -D "$tmp/http.headers" -w '%{http_code}' --max-time 15 -X "$1" "$base$2")
  [ $# -ge 3 ] && args+=(-H 'content-type: application/json' -H 'x-rytask-csrf: 1' --data "$3")
  HTTP_STATUS=$(curl "${args[@]}" 2>/dev/null) || HTTP_STATUS=000
}
json_string() { printf '"%s"' "$(printf '%s' "$1" | sed -e 's/\\/\\\\/g' -e 's/"/\\"/g')"; }
login() { # EMAIL PASSWORD: sets HTTP_STATUS
  http POST /api/v1/auth/login "{\"email\":$(json_string "$1"),\"password\":$(json_string "$2")}"
}
owner_logs_in() {
  login "$owner_email" "$owner_password"
  [ "$HTTP_STATUS" = 200 ] || { REASON="the owner's login answered $HTTP_STATUS: $(head -c 300 "$tmp/http.body")"; return 1; }
}

psql_db() { dc exec -T db psql -U rytask -d rytask -X -v ON_ERROR_STOP=1 -Atq "$@"; }

# snapshot FILE: one line per table of `public` (name, rows, md5 of the sorted rows), then a
# fingerprint of the schema (namespaces; public's columns, indexes, constraints, types,
# sequences, triggers).
snapshot() {
  psql_db >"$1" 2>"$1.err" <<'SQL'
SELECT format($q$SELECT %L || E'\t' || count(*) || E'\t' || md5(coalesce(string_agg(t::text, E'\n' ORDER BY t::text), '')) FROM public.%I t$q$, c.relname, c.relname)
FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p')
ORDER BY c.relname
\gexec
SELECT 'schema' || E'\t' || md5(string_agg(x, E'\n' ORDER BY x)) FROM (
  SELECT 'namespace ' || nspname FROM pg_namespace WHERE nspname !~ '^pg_' AND nspname <> 'information_schema'
  UNION ALL
  SELECT format('column %s.%s %s %s %s %s', table_name, column_name, ordinal_position, data_type, is_nullable, coalesce(column_default, ''))
  FROM information_schema.columns WHERE table_schema = 'public'
  UNION ALL
  SELECT 'index ' || indexdef FROM pg_indexes WHERE schemaname = 'public'
  UNION ALL
  SELECT format('constraint %s %s %s', conrelid::regclass, conname, pg_get_constraintdef(oid))
  FROM pg_constraint WHERE connamespace = 'public'::regnamespace
  UNION ALL
  SELECT format('type %s %s', t.typname, (SELECT string_agg(enumlabel, ',' ORDER BY enumsortorder) FROM pg_enum e WHERE e.enumtypid = t.oid))
  FROM pg_type t WHERE t.typnamespace = 'public'::regnamespace AND t.typtype IN ('e', 'd')
  UNION ALL
  SELECT 'sequence ' || sequencename FROM pg_sequences WHERE schemaname = 'public'
  UNION ALL
  SELECT 'trigger ' || pg_get_triggerdef(g.oid) FROM pg_trigger g JOIN pg_class c ON c.oid = g.tgrelid
  WHERE c.relnamespace = 'public'::regnamespace AND NOT g.tgisinternal
) s(x);
SQL
  local status=$?
  if [ "$status" -ne 0 ] || ! grep -q '^schema' "$1"; then
    REASON="could not read the database's checksums: $(head -c 300 "$1.err")"
    return 1
  fi
}
# same_snapshot BEFORE AFTER: REASON names the tables that differ
same_snapshot() {
  if cmp -s "$1" "$2"; then return 0; fi
  REASON="$3: $(diff "$1" "$2" | awk -F'\t' '/^[<>] /{ print substr($1, 3) }' | sort -u | tr '\n' ' ')differ"
  return 1
}

backups_list() { (cd "$op/backups" 2>/dev/null && ls -1 rytask-*.tar.gz 2>/dev/null) | sort; }
new_backups() { comm -13 <(printf '%s\n' "$1") <(backups_list) | sed '/^$/d'; }

# migrate's log (with docker-compose 1.29, which restarts the same container, every run's lines;
# with Compose v2 too, unless the container was recreated), and the summary line of its last run.
migrate_log() { dc logs --no-color migrate 2>&1 | tr -d '\r'; }
migrate_summary() { migrate_log | grep -E 'Applied [0-9]+ migration|Nothing to migrate|failed|refus|newer than this code' | tail -n1 | sed 's/^[^|]*| //'; }

# ran_image SERVICE IMAGE_ID: true if a container of SERVICE on that image ever started
ran_image() {
  [ "$(container_image "$1")" = "$2" ] && [ -n "$(started_at "$1")" ]
}
service_state() { # a short description for notes
  local id
  id=$(cid "$1")
  [ -n "$id" ] || { echo "no container"; return; }
  echo "container ${id:0:12} $(inspect '{{.State.Status}}' "$1"), image $(container_image "$1" | cut -c1-12)"
}

diagnose() {
  note "diagnostics:"
  {
    dc ps 2>&1
    dc logs --no-color --tail=12 migrate 2>&1
    dc logs --no-color --tail=60 api worker 2>&1 | grep -v -e '"msg":"incoming request"' -e '"msg":"request completed"' -e '^Attaching' | tail -n 8
  } | cut -c1-300 | indent
}

# requires VAR DESCRIPTION: a precondition set by an earlier scenario
requires() {
  [ "${!1:-0}" = 1 ] && return 0
  REASON="precondition failed: $2"
  return 1
}

scenario() { # scenario NAME: runs scenario_NAME and reports it
  local name=$1 started=$SECONDS
  REASON=
  note "--- $name"
  if "scenario_$name"; then
    note "$name: $((SECONDS - started)) s"
    echo "PASS $name"
    passed=$((passed + 1))
  else
    note "$name: $((SECONDS - started)) s"
    [ -n "$REASON" ] || REASON="failed"
    case $name:$REASON in *:precondition* | image_hygiene:* | missing_override:*) ;; *) diagnose ;; esac
    echo "FAIL $name: $(printf '%s' "$REASON" | tr '\n\t' '  ')"
    failed=$((failed + 1))
  fi
}

# --- the versions: HEAD, a newer one, a broken one ----------------------------------------------

# new_version KIND (v2 | broken): commits a version on top of the current branch of $upstream.
#   v2:     migration NNNN_e2e_release_note creates table e2e_release_note with one row, and the
#           api gains GET /api/v1/e2e/release-note, which reads it (so the new code needs the new
#           schema, and shows itself through the API).
#   broken: migration NNNN_e2e_broken adds a column (succeeds), then sets it NOT NULL (fails: the
#           existing users have no value), and the api gains the same route answering
#           {"note":"the broken version"} — so new code would show if it ever ran.
# Deterministic contents (no dates), so image layers are reused from run to run.
new_version() {
  (cd "$upstream" && node - "$1" <<'JS'
const fs = require('fs');
const kind = process.argv[2];
const journalPath = 'packages/db/migrations/meta/_journal.json';
const journal = JSON.parse(fs.readFileSync(journalPath, 'utf8'));
const last = journal.entries[journal.entries.length - 1];
const idx = journal.entries.length;
const tag = `${String(idx).padStart(4, '0')}_e2e_${kind === 'v2' ? 'release_note' : 'broken'}`;
const sql = kind === 'v2'
  ? 'CREATE TABLE "e2e_release_note" (\n\t"id" integer PRIMARY KEY NOT NULL,\n\t"note" text NOT NULL\n);\n' +
    '--> statement-breakpoint\n' +
    `INSERT INTO "e2e_release_note" ("id", "note") VALUES (1, 'compose e2e: version 2');\n`
  : 'ALTER TABLE "users" ADD COLUMN "e2e_nickname" text;\n' +
    '--> statement-breakpoint\n' +
    'ALTER TABLE "users" ALTER COLUMN "e2e_nickname" SET NOT NULL;\n';
fs.writeFileSync(`packages/db/migrations/${tag}.sql`, sql);
journal.entries.push({ idx, version: last.version, when: last.when + 1000, tag, breakpoints: true });
fs.writeFileSync(journalPath, JSON.stringify(journal, null, 2) + '\n');

const routePath = 'apps/api/src/routes/health/health.route.ts';
const route = fs.readFileSync(routePath, 'utf8');
const anchor = /^([ \t]*)app\.get\('\/healthz'.*$/m;
const found = route.match(anchor);
if (!found || !/\{[^}]*\bpool\b[^}]*\}\s*:\s*ApiContext/.test(route)) {
  console.error(`test fixture: cannot add a route next to /healthz in ${routePath} (no "app.get('/healthz'" line, or no pool in scope); update new_version in test/compose/run.sh`);
  process.exit(1);
}
const handler = kind === 'v2'
  ? `async () => (await pool.query('SELECT note FROM e2e_release_note WHERE id = 1')).rows[0] ?? null`
  : `async () => ({ note: 'the broken version' })`;
const added = `${found[1]}app.get('/api/v1/e2e/release-note', ${handler});`;
fs.writeFileSync(routePath, route.replace(anchor, (line) => `${line}\n${added}`));
console.log(tag);
JS
  ) || return 1
  git -C "$upstream" add -A &&
    git -C "$upstream" -c user.name='RyTask e2e' -c user.email=e2e@rytask.invalid commit -q -m "e2e: $1 version"
}

# --- scenarios ----------------------------------------------------------------------------------

installed=0      # fresh_install succeeded
v1_ok=0          # the stack runs HEAD's code, healthy
upgraded=0       # the stack runs the newer version, healthy
v1_sha=
v1_image=
v2_tag=
v2_image=
owner_email=
owner_password=
override_sum=
backup_before_upgrade=
fresh_migrate_log=

scenario_fresh_install() {
  git clone -q "$repo" "$upstream" 2>"$tmp/clone.err" || { REASON="git clone of $repo: $(cat "$tmp/clone.err")"; return 1; }
  git -C "$upstream" checkout -q -b e2e-main || { REASON="git checkout -b in the upstream clone"; return 1; }
  v1_sha=$(git -C "$upstream" rev-parse HEAD)
  git clone -q --branch e2e-main "$upstream" "$op" 2>"$tmp/clone.err" || { REASON="git clone of upstream: $(cat "$tmp/clone.err")"; return 1; }
  note "testing $(git -C "$op" log --oneline -1 | cut -c1-80)"

  # 1. make init, with a public URL and organization name of our own.
  if ! (cd "$op" && PUBLIC_URL=$public_url RYTASK_ORG_NAME=$org_name make -s init) >"$tmp/init.log" 2>&1; then
    REASON="make init failed: $(tail -n3 "$tmp/init.log")"
    return 1
  fi
  local override="$op/docker-compose.override.yml"
  [ -s "$override" ] || { REASON="make init wrote no docker-compose.override.yml"; return 1; }
  [ "$(stat -c %a "$override")" = 600 ] || { REASON="the override is not mode 600 ($(stat -c %a "$override"))"; return 1; }
  [ -d "$op/backups" ] || { REASON="make init did not create backups/"; return 1; }
  if [ "$(id -u)" != 0 ] && [ "$(id -u)" != 1000 ]; then chmod 777 "$op/backups"; fi
  grep -q 'docker compose logs migrate' "$tmp/init.log" || { REASON="make init does not say where the first password is"; return 1; }
  local pw_db pw_url
  pw_db=$(sed -n "s/.*POSTGRES_PASSWORD: '\([0-9a-f]*\)'.*/\1/p" "$override")
  pw_url=$(sed -n "s|.*postgres://rytask:\([0-9a-f]*\)@db:5432/rytask.*|\1|p" "$override")
  [ "${#pw_db}" = 48 ] && [ "$pw_db" = "$pw_url" ] || { REASON="the override's database password is not 48 hex characters, the same in POSTGRES_PASSWORD and DATABASE_URL"; return 1; }
  override_sum=$(sha256sum <"$override")
  (cd "$op" && make -s init) >"$tmp/init2.log" 2>&1
  [ "$(sha256sum <"$override")" = "$override_sum" ] && grep -q untouched "$tmp/init2.log" || { REASON="a second make init changed the override or did not say it left it untouched"; return 1; }

  # 2. docker compose up -d --build
  local started=$SECONDS
  if ! dc_build up -d --build >"$tmp/up-fresh.log" 2>&1; then
    tail -n 30 "$tmp/up-fresh.log" | indent
    REASON="docker compose up -d --build exited non-zero"
    return 1
  fi
  note "up -d --build: $((SECONDS - started)) s"
  v1_image=$(image_id "$RYTASK_IMAGE")
  built_images+=" $v1_image"
  [ "$(exit_code migrate)" = 0 ] || { REASON="migrate exited $(exit_code migrate)"; return 1; }
  fresh_migrate_log=$(migrate_log)
  grep -q 'Applied [0-9]* migration' <<<"$fresh_migrate_log" || { REASON="migrate did not apply the migrations"; return 1; }
  owner_password=$(sed -n 's/.*│ password: *\([^ ]*\).*/\1/p' <<<"$fresh_migrate_log" | head -n1)
  owner_email=$(sed -n 's/.*│ email: *\([^ ]*\).*/\1/p' <<<"$fresh_migrate_log" | head -n1)
  [ -n "$owner_password" ] && [ "$owner_email" = admin@rytask.local ] || { REASON="migrate did not print the first owner's email and one-time password"; return 1; }
  installed=1

  # 3. api and worker healthy; the owner logs in through the published port.
  started=$SECONDS
  wait_healthy api worker || return 1
  note "api and worker healthy $((SECONDS - started)) s after up"
  http GET /readyz
  [ "$HTTP_STATUS" = 200 ] || { REASON="/readyz answered $HTTP_STATUS on the published port"; return 1; }
  http GET /
  grep -q '<title>RyTask</title>' "$tmp/http.body" || { REASON="the web app is not served at / ($HTTP_STATUS)"; return 1; }
  owner_logs_in || return 1
  grep -q '"mustChangePassword":true' "$tmp/http.body" || { REASON="the first login does not ask for a new password"; return 1; }
  login "$owner_email" "not-the-password-1234"
  [ "$HTTP_STATUS" = 401 ] || { REASON="a wrong password answered $HTTP_STATUS, not 401"; return 1; }
  v1_ok=1
}

scenario_rerun_is_noop() {
  requires v1_ok "fresh_install" || return 1
  local before_started
  before_started=$(started_at migrate)
  snapshot "$tmp/rerun.before" || return 1
  sleep 1 # StartedAt has one-second resolution on some engines
  if ! dc up -d >"$tmp/up-rerun.log" 2>&1; then
    tail -n 20 "$tmp/up-rerun.log" | indent
    REASON="the second docker compose up -d exited non-zero"
    return 1
  fi
  [ -n "$(started_at migrate)" ] && [ "$(started_at migrate)" != "$before_started" ] || { REASON="migrate did not run again"; return 1; }
  [ "$(exit_code migrate)" = 0 ] || { REASON="migrate exited $(exit_code migrate)"; return 1; }
  local summary
  summary=$(migrate_summary)
  grep -q 'Nothing to migrate' <<<"$summary" || { REASON="migrate's last run says: $summary"; return 1; }
  grep -q 'Seed: nothing to insert' <<<"$(migrate_log | tail -n 3)" || { REASON="the seed inserted something on the second run"; return 1; }
  snapshot "$tmp/rerun.after" || return 1
  same_snapshot "$tmp/rerun.before" "$tmp/rerun.after" "tables changed by a no-op migrate" || return 1
  wait_healthy api worker || return 1
}

scenario_make_targets() {
  requires v1_ok "fresh_install" || return 1
  mk status >"$tmp/make-status.log" 2>&1 || { REASON="make status exited non-zero: $(tail -n2 "$tmp/make-status.log")"; return 1; }
  mk doctor >"$tmp/make-doctor.log" 2>&1 || { REASON="make doctor found drift: $(tail -n2 "$tmp/make-doctor.log")"; return 1; }
  local before file
  before=$(backups_list)
  mk backup >"$tmp/make-backup.log" 2>&1 || { REASON="make backup exited non-zero: $(tail -n2 "$tmp/make-backup.log")"; return 1; }
  file=$(new_backups "$before" | tail -n1)
  [ -n "$file" ] || { REASON="make backup wrote no rytask-*.tar.gz into backups/"; return 1; }
  mk verify FILE="backups/$file" >"$tmp/make-verify.log" 2>&1 && grep -q '^OK:' "$tmp/make-verify.log" \
    || { REASON="make verify FILE=backups/$file: $(tail -n2 "$tmp/make-verify.log")"; return 1; }
  (cd "$op" && make -s restore) >/dev/null 2>&1 && { REASON="make restore without FILE was accepted"; return 1; }
  mk rehearse >"$tmp/make-rehearse.log" 2>&1 && grep -q 'Nothing to rehearse' "$tmp/make-rehearse.log" \
    || { REASON="make rehearse: $(tail -n2 "$tmp/make-rehearse.log")"; return 1; }
  # A second organization with a new owner, who signs in with the printed one-time password; then
  # that password is reset: the old one stops working, the new one works.
  local email=second-owner@example.test first second
  mk organization NAME="Second Team" OWNER="$email" >"$tmp/make-organization.log" 2>&1 \
    || { REASON="make organization: $(tail -n2 "$tmp/make-organization.log")"; return 1; }
  first=$(sed -n 's/.*password: \([A-Za-z2-9]\{24\}\).*/\1/p' "$tmp/make-organization.log")
  [ -n "$first" ] || { REASON="make organization printed no one-time password: $(tail -n4 "$tmp/make-organization.log")"; return 1; }
  login "$email" "$first"
  [ "$HTTP_STATUS" = 200 ] && grep -q '"Second Team"' "$tmp/http.body" \
    || { REASON="the new organization's owner could not sign in ($HTTP_STATUS): $(head -c 300 "$tmp/http.body")"; return 1; }
  mk reset-password EMAIL="$email" >"$tmp/make-reset.log" 2>&1 \
    || { REASON="make reset-password: $(tail -n2 "$tmp/make-reset.log")"; return 1; }
  second=$(sed -n 's/.*password: \([A-Za-z2-9]\{24\}\).*/\1/p' "$tmp/make-reset.log")
  login "$email" "$first"
  [ "$HTTP_STATUS" = 401 ] || { REASON="the password from before the reset still signs in ($HTTP_STATUS)"; return 1; }
  login "$email" "$second"
  [ "$HTTP_STATUS" = 200 ] || { REASON="the reset password does not sign in ($HTTP_STATUS): $(head -c 300 "$tmp/http.body")"; return 1; }
}

scenario_data_survives_down_up() {
  requires v1_ok "fresh_install" || return 1
  v1_ok=0
  snapshot "$tmp/down.before" || return 1
  local started=$SECONDS
  dc stop api worker >/dev/null 2>&1
  local took=$((SECONDS - started))
  [ "$(exit_code api)" = 0 ] && [ "$(exit_code worker)" = 0 ] || { REASON="api/worker did not exit 0 on SIGTERM (api $(exit_code api), worker $(exit_code worker))"; return 1; }
  [ "$took" -lt 30 ] || { REASON="stopping api and worker took $took s"; return 1; }
  dc down >"$tmp/down.log" 2>&1 || { REASON="docker compose down exited non-zero"; return 1; }
  [ -z "$(dc ps -a -q)" ] || { REASON="containers left after down"; return 1; }
  [ -n "$(docker volume ls -q --filter "label=com.docker.compose.project=$project")" ] || { REASON="the database volume is gone after down"; return 1; }
  dc up -d >"$tmp/up-after-down.log" 2>&1 || { tail -n 20 "$tmp/up-after-down.log" | indent; REASON="up -d after down exited non-zero"; return 1; }
  wait_healthy api worker || return 1
  snapshot "$tmp/down.after" || return 1
  same_snapshot "$tmp/down.before" "$tmp/down.after" "tables changed across down + up" || return 1
  owner_logs_in || return 1
  v1_ok=1
}

failed_upgrade_observed=
scenario_failed_upgrade() {
  requires v1_ok "a healthy install of HEAD (fresh_install, data_survives_down_up)" || return 1
  v1_ok=0
  local branch api_before worker_before old_image new_image before_backups new_files
  branch=$(git_op rev-parse --abbrev-ref HEAD)
  git -C "$upstream" checkout -q -b e2e-broken "$v1_sha" && new_version broken >/dev/null \
    && git -C "$upstream" checkout -q e2e-main || { REASON="could not commit the broken version in the upstream clone"; return 1; }
  snapshot "$tmp/failed.before" || return 1
  api_before=$(cid api)
  worker_before=$(cid worker)
  old_image=$(container_image api)
  before_backups=$(backups_list)

  git_op fetch -q origin && git_op checkout -q origin/e2e-broken || { REASON="git checkout of the broken version"; return 1; }
  if dc_build up -d --build >"$tmp/up-broken.log" 2>&1; then
    REASON="docker compose up -d --build exited 0 although a migration fails"
    return 1
  fi
  grep -E "^ERROR|exited with code|didn't complete" "$tmp/up-broken.log" | tail -n 4 | sed 's/^/up said: /' | indent
  note "(migrate's container: $(cid migrate | cut -c1-12))"
  new_image=$(image_id "$RYTASK_IMAGE")
  built_images+=" $new_image"
  [ -n "$new_image" ] && [ "$new_image" != "$old_image" ] || { REASON="the broken version's image was not built"; return 1; }
  [ "$(container_image migrate)" = "$new_image" ] || { REASON="migrate did not run the new image"; return 1; }
  local code
  code=$(exit_code migrate)
  [ -n "$code" ] && [ "$code" != 0 ] || { REASON="migrate exited '$code', not non-zero"; return 1; }
  grep -q 'contains null values' <<<"$(migrate_log)" || { REASON="migrate's log does not show PostgreSQL's error"; return 1; }
  local s
  for s in api worker; do
    if ran_image "$s" "$new_image"; then REASON="$s started with the broken version's image"; return 1; fi
  done
  http GET /api/v1/e2e/release-note
  if grep -q 'the broken version' "$tmp/http.body"; then REASON="the broken version's code answers on the published port"; return 1; fi

  # What compose did with the previous api/worker (docs/self-hosting/upgrades.md describes it).
  local api_now worker_now
  api_now=$(cid api)
  worker_now=$(cid worker)
  if [ "$api_now" = "$api_before" ] && [ "$(inspect '{{.State.Status}}' api)" = running ]; then
    http GET /readyz
    failed_upgrade_observed="compose $(docker compose version --short 2>/dev/null): the previous api and worker containers were left running, untouched (same containers, previous image; /readyz $HTTP_STATUS)"
  else
    failed_upgrade_observed="compose $(docker compose version --short 2>/dev/null): api: $(service_state api), was ${api_before:0:12}; worker: $(service_state worker), was ${worker_before:0:12} (RyTask is down until the previous version is brought back)"
  fi
  note "observed: $failed_upgrade_observed"
  if [ "$compose_major" = 1 ]; then
    # docker-compose 1.29 (compose-lab): observed on every run so far, asserted.
    [ "$api_now" = "$api_before" ] && [ "$worker_now" = "$worker_before" ] \
      && [ "$(inspect '{{.State.Status}}' api)" = running ] && [ "$(inspect '{{.State.Status}}' worker)" = running ] \
      || { REASON="compose 1.29 no longer leaves the previous api/worker running: $failed_upgrade_observed"; return 1; }
    http GET /readyz
    [ "$HTTP_STATUS" = 200 ] || { REASON="the previous api no longer serves (/readyz $HTTP_STATUS)"; return 1; }
    http GET /api/v1/e2e/release-note
    [ "$HTTP_STATUS" = 404 ] || { REASON="the api is not the previous version's (/api/v1/e2e/release-note answered $HTTP_STATUS)"; return 1; }
  fi

  snapshot "$tmp/failed.after" || return 1
  same_snapshot "$tmp/failed.before" "$tmp/failed.after" "the failed upgrade changed the database" || return 1
  new_files=$(new_backups "$before_backups" | tr '\n' ' ')
  note "pre-upgrade backup written by the failed run: ${new_files:-none}"

  # Going back: the previous version again, as the docs say; no restore needed.
  git_op checkout -q "$branch" || { REASON="git checkout $branch (back to the previous version)"; return 1; }
  dc_build up -d --build >"$tmp/up-back.log" 2>&1 || { tail -n 20 "$tmp/up-back.log" | indent; REASON="after checking out the previous version again, up -d --build exited non-zero"; return 1; }
  [ "$(exit_code migrate)" = 0 ] || { REASON="back on the previous version, migrate exited $(exit_code migrate)"; return 1; }
  wait_healthy api worker || return 1
  [ "$(container_image api)" = "$v1_image" ] || { REASON="back on the previous version, api does not run its image"; return 1; }
  snapshot "$tmp/failed.back" || return 1
  same_snapshot "$tmp/failed.before" "$tmp/failed.back" "going back changed the database" || return 1
  owner_logs_in || return 1
  v1_ok=1
}

scenario_upgrade() {
  requires v1_ok "a healthy install of HEAD (fresh_install, failed_upgrade's recovery)" || return 1
  v1_ok=0
  # Upstream releases a newer version.
  v2_tag=$(new_version v2) && [ -n "$v2_tag" ] || { REASON="could not commit the newer version in the upstream clone"; return 1; }
  local before_backups auto_files recorded rows
  snapshot "$tmp/pre-upgrade" || return 1

  # make backup; git pull; docker compose up -d --build
  before_backups=$(backups_list)
  mk backup >"$tmp/backup-before-upgrade.log" 2>&1 || { REASON="make backup exited non-zero"; return 1; }
  backup_before_upgrade=$(new_backups "$before_backups" | tail -n1)
  [ -n "$backup_before_upgrade" ] || { REASON="make backup wrote no file"; return 1; }
  before_backups=$(backups_list)
  git_op pull -q --ff-only >"$tmp/pull.log" 2>&1 || { REASON="git pull: $(tail -n2 "$tmp/pull.log")"; return 1; }
  [ "$(git_op rev-parse HEAD)" = "$(git -C "$upstream" rev-parse e2e-main)" ] || { REASON="git pull did not bring the newer version"; return 1; }
  if ! dc_build up -d --build >"$tmp/up-upgrade.log" 2>&1; then
    tail -n 20 "$tmp/up-upgrade.log" | indent
    REASON="docker compose up -d --build exited non-zero: $(migrate_summary)"
    return 1
  fi
  v2_image=$(image_id "$RYTASK_IMAGE")
  built_images+=" $v2_image"
  [ "$(exit_code migrate)" = 0 ] || { REASON="migrate exited $(exit_code migrate)"; return 1; }
  grep -q 'Applied 1 migration' <<<"$(migrate_summary)" || { REASON="migrate did not apply exactly the new migration: $(migrate_summary)"; return 1; }
  rows=$(psql_db -c "SELECT name FROM rytask_migrations ORDER BY id" | tr '\n' ' ')
  grep -q "$v2_tag" <<<"$rows" || { REASON="rytask_migrations lacks $v2_tag ($rows)"; return 1; }

  # The automatic pre-upgrade backup: a new file, named by the new history row.
  auto_files=$(new_backups "$before_backups")
  recorded=$(psql_db -c "SELECT coalesce(backup_file, '') FROM rytask_migrations WHERE name = '$v2_tag'")
  [ -n "$auto_files" ] || { REASON="no new file in backups/ from migrate's pre-upgrade backup"; return 1; }
  [ -n "$recorded" ] && grep -qxF "$recorded" <<<"$auto_files" \
    || { REASON="rytask_migrations.backup_file of $v2_tag is '$recorded', not the new file ($(tr '\n' ' ' <<<"$auto_files"))"; return 1; }
  note "pre-upgrade backups: make backup -> $backup_before_upgrade; migrate -> $recorded"

  # The new code runs, and uses the new schema.
  wait_healthy api worker || return 1
  [ "$(container_image api)" = "$v2_image" ] && [ "$(container_image worker)" = "$v2_image" ] || { REASON="api/worker do not run the new image"; return 1; }
  http GET /api/v1/e2e/release-note
  [ "$HTTP_STATUS" = 200 ] && grep -q 'compose e2e: version 2' "$tmp/http.body" \
    || { REASON="the new code's route answered $HTTP_STATUS: $(head -c 200 "$tmp/http.body")"; return 1; }

  # Earlier data intact: every earlier table unchanged, the history's earlier rows too.
  snapshot "$tmp/post-upgrade" || return 1
  local table line
  while IFS=$'\t' read -r table _; do
    [ "$table" = schema ] && continue
    if [ "$table" = rytask_migrations ]; then
      line=$(psql_db -c "SELECT 'rytask_migrations' || E'\t' || count(*) || E'\t' || md5(coalesce(string_agg(t::text, E'\n' ORDER BY t::text), '')) FROM rytask_migrations t WHERE name <> '$v2_tag'")
    else
      line=$(awk -F'\t' -v t="$table" '$1 == t' "$tmp/post-upgrade")
    fi
    [ "$line" = "$(awk -F'\t' -v t="$table" '$1 == t' "$tmp/pre-upgrade")" ] || { REASON="table $table changed in the upgrade"; return 1; }
  done <"$tmp/pre-upgrade"
  owner_logs_in || return 1
  upgraded=1
}

scenario_override_untouched() {
  requires installed "fresh_install" || return 1
  local override="$op/docker-compose.override.yml"
  [ -f "$override" ] && [ "$(sha256sum <"$override")" = "$override_sum" ] || { REASON="docker-compose.override.yml changed or vanished across git pull / checkout"; return 1; }
  git_op check-ignore -q docker-compose.override.yml || { REASON="git does not ignore docker-compose.override.yml"; return 1; }
  [ -z "$(git_op status --porcelain)" ] || { REASON="the operator's checkout is not clean: $(git_op status --porcelain | head -n3 | tr '\n' ' ')"; return 1; }
  # Applied: the first migrate printed its PUBLIC_URL, the seed used its organization name, and
  # the api running now (after git pull) marks the session cookie Secure for an https PUBLIC_URL.
  grep -qF "Sign in at $public_url" <<<"$fresh_migrate_log" || { REASON="the first migrate did not print the override's PUBLIC_URL"; return 1; }
  requires upgraded "upgrade (the api must run the pulled version)" || return 1
  owner_logs_in || return 1
  grep -qF "\"name\":\"$org_name\"" "$tmp/http.body" || { REASON="the organization is not the override's RYTASK_ORG_NAME: $(head -c 200 "$tmp/http.body")"; return 1; }
  local cookie
  cookie=$(grep -i '^set-cookie:' "$tmp/http.headers" | head -n1 | tr -d '\r')
  [ -n "$cookie" ] || { REASON="the login set no cookie"; return 1; }
  grep -qi '; *secure' <<<"$cookie" || { REASON="the session cookie is not Secure although PUBLIC_URL is https: ${cookie%%=*}=…${cookie#*;}"; return 1; }
  [ "$(dc exec -T api node -p process.env.PUBLIC_URL 2>/dev/null | tr -d '\r')" = "$public_url" ] || { REASON="api's PUBLIC_URL is not the override's"; return 1; }
}

scenario_newer_database_refused() {
  requires upgraded "upgrade" || return 1
  upgraded=0
  local new_image
  snapshot "$tmp/newer.before" || return 1
  git_op checkout -q "$v1_sha" || { REASON="git checkout of the previous version"; return 1; }
  if dc_build up -d --build >"$tmp/up-newer.log" 2>&1; then
    REASON="docker compose up -d --build exited 0 on a database newer than the code"
    return 1
  fi
  new_image=$(image_id "$RYTASK_IMAGE")
  [ "$(container_image migrate)" = "$new_image" ] || { REASON="migrate did not run the older code's image"; return 1; }
  [ "$(exit_code migrate)" != 0 ] || { REASON="migrate exited 0"; return 1; }
  grep -q 'The database is newer than this code' <<<"$(migrate_log)" || { REASON="migrate's log does not say \"The database is newer than this code\": $(migrate_summary)"; return 1; }
  local s
  for s in api worker; do
    if ran_image "$s" "$new_image"; then REASON="$s started with the older code"; return 1; fi
  done
  note "observed: api: $(service_state api), worker: $(service_state worker)"
  snapshot "$tmp/newer.after" || return 1
  same_snapshot "$tmp/newer.before" "$tmp/newer.after" "the refused run changed the database" || return 1
}

scenario_rollback() {
  requires installed "fresh_install" || return 1
  [ -n "$backup_before_upgrade" ] && [ -n "$v2_image" ] || { REASON="precondition failed: upgrade"; return 1; }
  # Back on the upgraded version first (newer_database_refused left the older code checked out).
  git_op checkout -q e2e-main || { REASON="git checkout of the upgraded version"; return 1; }
  dc_build up -d --build >"$tmp/up-reupgrade.log" 2>&1 && wait_healthy api worker \
    || { REASON="precondition failed: could not bring the upgraded version back up: ${REASON:-up exited non-zero}"; return 1; }
  [ "$(container_image api)" = "$v2_image" ] || { REASON="precondition failed: api does not run the upgraded version"; return 1; }

  # 1. Restore the backup taken before upgrading.
  if ! mk restore FILE="backups/$backup_before_upgrade" >"$tmp/restore.log" 2>&1; then
    tail -n 15 "$tmp/restore.log" | indent
    REASON="make restore FILE=backups/$backup_before_upgrade exited non-zero"
    return 1
  fi
  grep -E 'Restored|newer migration' "$tmp/restore.log" | sed 's/^/make restore said: /' | indent
  # 2. Check out the previous version.  3. docker compose up -d --build.
  git_op checkout -q "$v1_sha" || { REASON="git checkout of the previous version"; return 1; }
  if ! dc_build up -d --build >"$tmp/up-rollback.log" 2>&1; then
    REASON="after make restore + git checkout <previous>, up -d --build exited non-zero; migrate: $(migrate_log | grep -A2 -E 'newer than this code|failed' | head -n3 | sed 's/^[^|]*| //' | tr '\n' ' ')"
    return 1
  fi
  [ "$(exit_code migrate)" = 0 ] || { REASON="migrate exited $(exit_code migrate)"; return 1; }
  wait_healthy api worker || return 1
  [ "$(container_image api)" = "$v1_image" ] || { REASON="api does not run the previous version's image"; return 1; }
  http GET /api/v1/e2e/release-note
  [ "$HTTP_STATUS" = 404 ] || { REASON="the api is not the previous version (/api/v1/e2e/release-note answered $HTTP_STATUS)"; return 1; }
  snapshot "$tmp/rolled-back" || return 1
  same_snapshot "$tmp/pre-upgrade" "$tmp/rolled-back" "not the pre-upgrade schema and data" || return 1
  owner_logs_in || return 1
}

scenario_image_hygiene() {
  requires installed "fresh_install" || return 1
  local image=$v1_image user uid found env_config history size
  [ -n "$image" ] && docker image inspect "$image" >/dev/null 2>&1 || { REASON="HEAD's image is gone"; return 1; }
  size=$(docker image inspect -f '{{.Size}}' "$image")
  note "image size: $((size / 1000000)) MB ($size bytes, docker image inspect .Size; docs/benchmarks.md)"
  # Every workspace's package.json is copied before `npm ci` (else the image misses a workspace).
  found=$(cd "$repo" && node -e '
    const fs = require("fs");
    const dockerfile = fs.readFileSync("Dockerfile", "utf8");
    const { workspaces } = JSON.parse(fs.readFileSync("package.json", "utf8"));
    console.log(workspaces.filter((w) => !dockerfile.includes(`COPY ${w}/package.json ${w}/`)).join(" "));')
  [ -z "$found" ] || { REASON="the Dockerfile does not copy the package.json of: $found"; return 1; }

  user=$(docker image inspect -f '{{.Config.User}}' "$image")
  uid=$(docker run --rm --entrypoint id "$image" -u 2>/dev/null | tr -d '\r')
  [ -n "$user" ] && [ -n "$uid" ] && [ "$uid" != 0 ] || { REASON="the image runs as '$user' (uid '$uid')"; return 1; }
  if [ -n "$(cid api)" ] && [ "$(inspect '{{.State.Status}}' api)" = running ]; then
    [ "$(dc exec -T api id -u 2>/dev/null | tr -d '\r')" = "$uid" ] || { REASON="api's process does not run as uid $uid"; return 1; }
  fi

  # No secret: the install's database password appears nowhere in the image (files, config,
  # history); no override, .env, .git or embedded PostgreSQL; no development dependency.
  local pw
  pw=$(sed -n "s/.*POSTGRES_PASSWORD: '\([0-9a-f]*\)'.*/\1/p" "$op/docker-compose.override.yml")
  [ -n "$pw" ] || { REASON="no database password found in the override to look for"; return 1; }
  env_config=$(docker image inspect -f '{{json .Config.Env}}' "$image")
  history=$(docker history --no-trunc --format '{{.CreatedBy}}' "$image" 2>/dev/null)
  if grep -qF "$pw" <<<"$env_config$history"; then REASON="the database password is in the image's config or history"; return 1; fi
  if grep -qiE 'PASSWORD|SECRET|DATABASE_URL' <<<"$env_config"; then REASON="the image's environment has a secret-like variable: $env_config"; return 1; fi
  found=$(docker run --rm -e "E2E_NEEDLE=$pw" --entrypoint node "$image" -e '
    const fs = require("fs"), path = require("path");
    const needle = Buffer.from(process.env.E2E_NEEDLE);
    const badNames = new Set([".git", ".env", "docker-compose.override.yml", "embedded-postgres", "@embedded-postgres"]);
    const found = [];
    (function walk(dir) {
      let entries;
      try { entries = fs.readdirSync(dir, { withFileTypes: true }); } catch { return; }
      for (const e of entries) {
        const p = path.join(dir, e.name);
        if (["/proc", "/sys", "/dev"].includes(p)) continue;
        if (badNames.has(e.name)) found.push(p);
        if (e.isDirectory()) walk(p);
        else if (e.isFile()) {
          try { if (fs.statSync(p).size < 64 << 20 && fs.readFileSync(p).includes(needle)) found.push(p + " (holds the database password)"); } catch {}
        }
      }
    })("/");
    const lock = JSON.parse(fs.readFileSync("/app/package-lock.json", "utf8"));
    for (const [key, meta] of Object.entries(lock.packages)) {
      // devOptional: a development dependency that is also an optional peer of a production one;
      // `npm ci --omit=dev` keeps those.
      if (key && (meta.dev || meta.devOptional) && fs.existsSync(path.join("/app", key))) found.push(key + " (a development dependency)");
    }
    for (const tool of ["vite", "vitest", "esbuild", "typescript", "drizzle-kit", "eslint"]) {
      if (fs.existsSync("/app/node_modules/" + tool)) found.push("/app/node_modules/" + tool);
    }
    console.log(found.join(" "));' 2>&1 | tr -d '\r')
  [ -z "$found" ] || { REASON="the image contains: $(cut -c1-400 <<<"$found")"; return 1; }

}

bare_pid=
start_missing_override() { # in the background, while the other scenarios run
  (
    git clone -q "$upstream" "$bare" 2>/dev/null || git clone -q "$repo" "$bare" || exit 3
    git -C "$bare" checkout -q "$v1_sha" 2>/dev/null
    export RYTASK_HTTP_PORT
    RYTASK_HTTP_PORT=$(free_port)
    cd "$bare" && timeout "$timeout_s" docker compose -p "$bare_project" up -d >"$tmp/bare-up.log" 2>&1
    echo $? >"$tmp/bare-up.status"
  ) &
  bare_pid=$!
}

scenario_missing_override() {
  requires installed "fresh_install (the image must exist)" || return 1
  [ -n "$bare_pid" ] || { REASON="precondition failed: not started"; return 1; }
  wait "$bare_pid"
  local status
  status=$(cat "$tmp/bare-up.status" 2>/dev/null)
  bdc() { (cd "$bare" && timeout "$timeout_s" docker compose -p "$bare_project" "$@"); }
  [ -n "$status" ] && [ "$status" != 0 ] || { REASON="without docker-compose.override.yml, up -d exited '${status:-?}', not non-zero"; return 1; }
  [ "$status" != 124 ] || { REASON="without docker-compose.override.yml, up -d hung (killed after ${timeout_s} s)"; return 1; }
  grep -q 'make init' <<<"$(bdc logs --no-color db 2>&1)" || { REASON="db's log does not say to run make init; up said: $(tail -n 3 "$tmp/bare-up.log" | tr '\n' ' ')"; return 1; }
  local s id
  for s in migrate api worker; do
    id=$(bdc ps -a -q "$s" 2>/dev/null | head -n1)
    if [ -n "$id" ] && [ -n "$(docker inspect -f '{{.State.StartedAt}}' "$id" | grep -v '^0001-01-01')" ]; then
      REASON="$s started without an override"
      return 1
    fi
  done
}

# --- run ------------------------------------------------------------------------------------------

scenario fresh_install
[ "$installed" = 1 ] && start_missing_override
scenario rerun_is_noop
scenario make_targets
scenario data_survives_down_up
scenario failed_upgrade
scenario upgrade
scenario override_untouched
scenario newer_database_refused
scenario rollback
scenario image_hygiene
scenario missing_override

finish
