# chatscreen: one image for the API (`serve`) and for workers (`worker`). See docs/deploy.md.
#
# Nothing is downloaded at build time except packages from the npm registry: the build stage is
# the full Debian-based Node image (compilers, make and python3 are already in it, so there is no
# apt-get), better-sqlite3 is compiled from source against the Node headers the image ships (no
# prebuilt binary from GitHub, no header download), and onnxruntime-node's install script (a CUDA
# download) never runs.

FROM node:20-bookworm AS build
WORKDIR /app
ENV ONNXRUNTIME_NODE_INSTALL=skip \
    npm_config_build_from_source=true \
    npm_config_nodedir=/usr/local \
    npm_config_update_notifier=false \
    npm_config_fund=false
COPY package.json package-lock.json ./
# No install scripts at all, then exactly the one native module that needs building.
RUN npm ci --ignore-scripts \
 && npm rebuild better-sqlite3 \
 && node -e "new (require('better-sqlite3'))(':memory:').close()"
COPY . .
# The reviewer page (built into dist/web where the build defines it), then only what runs.
RUN npm run --if-present build:web \
 && npm prune --omit=dev --ignore-scripts \
 && mkdir -p dist/web

FROM node:20-bookworm-slim
WORKDIR /app
ENV NODE_ENV=production \
    ONNXRUNTIME_NODE_INSTALL=skip \
    HOST=0.0.0.0 \
    PORT=8080 \
    CHATSCREEN_DATA_DIR=/data
# Owned by root and read-only to the service; only /data is writable, by the unprivileged user.
COPY --from=build /app/package.json /app/tsconfig.json ./
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/src ./src
COPY --from=build /app/models ./models
COPY --from=build /app/dist/web ./dist/web
RUN mkdir -p /data && chown node:node /data
USER node
VOLUME /data
EXPOSE 8080
# Runs from source through tsx, exactly as `npm start` and the tests do.
ENTRYPOINT ["node", "--import", "tsx", "src/cli/entry.ts"]
CMD ["serve"]
