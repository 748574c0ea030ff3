# RyTask with Docker Compose: shortcuts for docs/self-hosting/install.md and backups.md.
# `make` alone lists the targets. Each one is a plain `docker compose` command that you can also
# type yourself; COMPOSE can be overridden (e.g. COMPOSE="docker compose -p rytask2").

COMPOSE ?= docker compose
# make logs SERVICE=api  (default: every service)
SERVICE ?=
# The host folder mounted at /app/backups (see docker-compose.yml).
BACKUPS ?= $(or $(RYTASK_BACKUP_HOST_DIR),backups)
# One-off `rytask` commands run in a throwaway container of the migrate service: same image and
# settings, works whether or not api is running, and needs only db.
RYTASK = $(COMPOSE) run --rm --no-deps migrate

.DEFAULT_GOAL := help
.PHONY: help init up down logs ps status doctor backup restore verify rehearse organization organizations reset-password

help: ## list the targets
	@echo "RyTask — Docker Compose shortcuts (docs/self-hosting/install.md)"
	@echo
	@awk 'BEGIN { FS = ":.*## " } /^[a-z][a-z-]*:.*## / { printf "  make %-15s %s\n", $$1, $$2 }' $(MAKEFILE_LIST)

init: ## write docker-compose.override.yml with fresh secrets (never overwrites it); create backups/
	@sh scripts/init-override.sh

up: ## build the image, run migrations, start everything (docker compose up -d --build)
	@test -f docker-compose.override.yml || { \
	  echo "docker-compose.override.yml is missing: it holds the database password. Run \`make init\` first." >&2; \
	  exit 1; }
	$(COMPOSE) up -d --build

down: ## stop and remove the containers (the database volume and your data stay)
	$(COMPOSE) down

logs: ## follow the logs (make logs SERVICE=api for one service)
	$(COMPOSE) logs -f --tail=200 $(SERVICE)

ps: ## list the services and their health
	$(COMPOSE) ps

status: ## compare the database's migrations with this code (rytask status)
	$(RYTASK) status

doctor: ## compare the live schema with what the migrations produce (rytask doctor)
	$(RYTASK) doctor

organization: ## create an organization and its first owner: make organization NAME="Beta" OWNER=sam@example.com
	@test -n "$(NAME)" -a -n "$(OWNER)" || { echo 'Usage: make organization NAME="Beta Repairs" OWNER=sam@example.com' >&2; exit 2; }
	$(RYTASK) organization create --name "$(NAME)" --owner-email "$(OWNER)"

organizations: ## list the organizations, their active members and owners (rytask organization list)
	$(RYTASK) organization list

reset-password: ## a one-time password for someone who forgot theirs: make reset-password EMAIL=sam@example.com
	@test -n "$(EMAIL)" || { echo 'Usage: make reset-password EMAIL=sam@example.com' >&2; exit 2; }
	$(RYTASK) user reset-password --email "$(EMAIL)"

backup: ## write a backup into backups/ (rytask backup)
	$(RYTASK) backup

# The containers see only the backups folder, so FILE must be in it.
define backup-file
	@test -n "$(FILE)" || { echo "usage: make $@ FILE=$(BACKUPS)/rytask-….tar.gz" >&2; exit 2; }
	@test -f "$(BACKUPS)/$(notdir $(FILE))" || { \
	  echo "$(FILE): no such file in $(BACKUPS)/ (the only folder the containers see); copy it there first." >&2; \
	  exit 2; }
endef

restore: ## replace the database with FILE=backups/… (stops api and worker, restores, starts again)
	$(backup-file)
	$(COMPOSE) stop api worker
	@$(RYTASK) restore --force --no-migrate "/app/backups/$(notdir $(FILE))" || { \
	  echo "make restore: the restore failed; the database is unchanged. Starting the stack again." >&2; \
	  $(COMPOSE) up -d; exit 1; }
	@# The database is now exactly at the backup's version. Same version as this checkout: start.
	@# Older (a rollback): leave api and worker stopped until the matching code is checked out,
	@# since starting this version's migrate would upgrade the restored data again.
	@if $(RYTASK) status >/dev/null 2>&1; then $(COMPOSE) up -d; else \
	  echo; \
	  echo "The restored database is at an older version than this checkout; api and worker stay stopped."; \
	  echo "  To roll back:   git checkout <the version that made the backup> && docker compose up -d --build"; \
	  echo "  To run this version on the restored data instead: docker compose up -d   (migrate upgrades it)"; \
	fi

verify: ## check that FILE=backups/… restores cleanly, in a scratch database (rytask verify)
	$(backup-file)
	$(RYTASK) verify "/app/backups/$(notdir $(FILE))"

rehearse: ## build this version, then apply its pending migrations to a copy of the latest backup
	$(COMPOSE) build migrate
	$(RYTASK) migrate --rehearse
