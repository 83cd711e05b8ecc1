# syntax=docker/dockerfile:1.7
# One Dockerfile, one target per process:
#   docker build --target cms .       Payload cms (next start), also runs migrations
#   docker build --target worker .    BullMQ worker (same files as cms, other command)
#   docker build --target site .      Astro SSR site
#   docker build --target realtime .  Socket.IO gateway
# Every final stage: Node 24, production dependencies only, non-root user, a HEALTHCHECK.

ARG NODE_IMAGE=node:24-bookworm-slim

FROM ${NODE_IMAGE} AS base
ENV NEXT_TELEMETRY_DISABLED=1 \
    npm_config_update_notifier=false \
    npm_config_fund=false \
    npm_config_audit=false
WORKDIR /app

# The lockfile and every workspace's package.json: the dependency layers are
# cached until one of them changes.
FROM base AS manifests
COPY package.json package-lock.json ./
COPY cms/package.json cms/
COPY site/package.json site/
COPY realtime/package.json realtime/

FROM manifests AS deps
RUN --mount=type=cache,target=/root/.npm npm ci

FROM manifests AS prod-deps
RUN --mount=type=cache,target=/root/.npm npm ci --omit=dev \
    && rm -rf /root/.npm

FROM deps AS build-cms
COPY cms cms
# The build reads the config but touches no database; the real secrets are
# given at run time only (production refuses the development defaults).
RUN NODE_ENV=production PAYLOAD_SECRET=build-time-placeholder-not-a-secret \
    SITE_REVALIDATE_SECRET=build-time-placeholder-not-a-secret \
    STRIPE_SECRET_KEY=sk_build_time_placeholder STRIPE_WEBHOOK_SECRET=whsec_build_time_placeholder \
    npm run build -w cms

FROM deps AS build-site
COPY site site
RUN NODE_ENV=production npm run build -w site

FROM base AS runtime
ENV NODE_ENV=production
COPY --from=prod-deps --chown=node:node /app /app
# Exits 0 when $HEALTH_URL answers 2xx: used by every image's HEALTHCHECK.
COPY --chown=node:node deploy/healthcheck.mjs /usr/local/lib/healthcheck.mjs
USER node

FROM runtime AS cms
COPY --chown=node:node cms/package.json cms/next.config.ts cms/tsconfig.json cms/
COPY --chown=node:node cms/src cms/src
COPY --from=build-cms --chown=node:node /app/cms/.next cms/.next
WORKDIR /app/cms
ENV PORT=3000 HEALTH_URL=http://127.0.0.1:3000/healthz
EXPOSE 3000
HEALTHCHECK --interval=10s --timeout=5s --start-period=60s --retries=3 \
    CMD ["node", "/usr/local/lib/healthcheck.mjs"]
# next start drains in-flight requests on SIGTERM (src/instrumentation.ts bounds it).
CMD ["/app/node_modules/.bin/next", "start", "--hostname", "0.0.0.0"]

FROM cms AS worker
ENV HEALTH_URL=
HEALTHCHECK NONE
CMD ["npm", "run", "worker"]

FROM runtime AS site
COPY --chown=node:node site/package.json site/
COPY --from=build-site --chown=node:node /app/site/dist site/dist
COPY --chown=node:node deploy/site-server.mjs /usr/local/lib/site-server.mjs
WORKDIR /app/site
ENV HOST=0.0.0.0 PORT=4321 HEALTH_URL=http://127.0.0.1:4321/healthz
EXPOSE 4321
HEALTHCHECK --interval=10s --timeout=5s --start-period=20s --retries=3 \
    CMD ["node", "/usr/local/lib/healthcheck.mjs"]
# dist/server/entry.mjs behind /healthz, /readyz and a draining SIGTERM.
CMD ["node", "/usr/local/lib/site-server.mjs", "dist/server/entry.mjs"]

FROM runtime AS realtime
COPY --chown=node:node realtime/package.json realtime/
COPY --chown=node:node realtime/src realtime/src
WORKDIR /app/realtime
ENV PORT=3001 HEALTH_URL=http://127.0.0.1:3001/healthz
EXPOSE 3001
HEALTHCHECK --interval=10s --timeout=5s --start-period=20s --retries=3 \
    CMD ["node", "/usr/local/lib/healthcheck.mjs"]
# A small young generation: a crowd of idle sockets should not cost 48 MB of nursery (docs/realtime.md).
CMD ["node", "--max-semi-space-size=8", "src/index.ts"]
