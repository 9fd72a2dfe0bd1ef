# Hookgate's container image: docs/deploying.md.
# Build: docker build -t hookgate .   Run: see docker-compose.yml.

# Build stage: every dependency, the compiled gateway, then the dev dependencies pruned.
FROM node:20.19-bookworm-slim AS build
WORKDIR /app
# sqlite3 compiles from source where its prebuilt binary cannot be fetched.
RUN apt-get update \
  && apt-get install -y --no-install-recommends python3 make g++ \
  && rm -rf /var/lib/apt/lists/*
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY nest-cli.json tsconfig.json tsconfig.build.json ./
COPY src ./src
RUN npm run build && npm prune --omit=dev --no-audit --no-fund

# Runtime stage: production dependencies and the build only, run as the unprivileged node user.
FROM node:20.19-bookworm-slim AS runtime
ENV NODE_ENV=production \
    PORT=3000 \
    HOOKGATE_CONFIG=/etc/hookgate/hookgate.yaml
WORKDIR /app
COPY --from=build /app/package.json ./package.json
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
# The default SQLite store is data/hookgate.sqlite under /app: a volume the node user owns.
RUN mkdir -p /app/data && chown node:node /app/data
VOLUME ["/app/data"]
USER node
EXPOSE 3000
# /health answers 200 while the store does (docs/operations.md, "Health").
HEALTHCHECK --interval=15s --timeout=5s --start-period=30s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 3000) + '/health').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
CMD ["node", "dist/main.js"]
