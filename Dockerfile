# Image for the api and worker services of docker-compose.yml (same image, different command).
FROM node:24-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY . .
# The console is built here; dev dependencies (vite, react-admin, the bundled Node) are then dropped.
# `prisma generate` validates the datasource, so it needs some DATABASE_URL; it never connects.
RUN npm run build:ui \
 && npm prune --omit=dev --no-audit --no-fund \
 && DATABASE_URL=postgresql://build@localhost:5432/build CHECKPOINT_DISABLE=1 node_modules/.bin/prisma generate

FROM node:24-bookworm-slim
ENV NODE_ENV=production \
    PATH=/app/node_modules/.bin:$PATH \
    CHECKPOINT_DISABLE=1
WORKDIR /app
COPY --from=build --chown=node:node /app /app
USER node
EXPOSE 3000
CMD ["node", "--import", "tsx", "api/main.ts"]
