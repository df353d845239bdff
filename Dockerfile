# Panelist on Node 20. NOT BUILT OR TESTED HERE: the development machines have no Docker daemon
# (see docs/deploy.md, "Container image"). Build: docker build -t panelist .
FROM node:20-slim

WORKDIR /app
ENV NODE_ENV=production
# Dependencies first, so a source change does not reinstall them. `npm ci` also runs `prepare`
# (the compile to dist/), which needs the dev dependencies: install them, then prune them after the build.
COPY package.json package-lock.json ./
COPY scripts ./scripts
RUN npm ci --include=dev --ignore-scripts
COPY . .
RUN npm run build && npm prune --omit=dev && mkdir -p /app/data && chown -R node:node /app/data /app/dist

USER node
# The file store (one replica); set DATABASE_URL for Postgres instead.
ENV DATA_DIR=/app/data HOST=0.0.0.0
VOLUME ["/app/data"]
# Slack HTTP mode / Discord interactions (PORT); OPS_PORT, when set, serves /healthz, /readyz, /metrics.
EXPOSE 3000
# The same as `npm start`, without npm in between: SIGTERM reaches Node directly (graceful shutdown).
CMD ["node", "scripts/run.mjs", "adapters/main.js"]
