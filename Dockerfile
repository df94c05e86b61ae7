# AskVideo API and Worker images (one Dockerfile, two final targets).
#   docker build --target api    -t askvideo/api .
#   docker build --target worker -t askvideo/worker .
# docker-compose.yml builds both (and the migrate one-shot, which reuses the api image).
# The build context is the repository root; .dockerignore keeps tests, node_modules, bin/obj and .env out of it.

# ---------------------------------------------------------------------------------------------------------------
# build: restore (cached until a project file or the central package versions change), then publish both hosts.
# ---------------------------------------------------------------------------------------------------------------
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
ENV DOTNET_CLI_TELEMETRY_OPTOUT=1 \
    DOTNET_NOLOGO=1 \
    DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
WORKDIR /src

# Only what restore reads. Every src/**/*.csproj must be listed here (scripts/check-deploy.sh verifies it).
COPY global.json Directory.Build.props Directory.Packages.props .editorconfig AskVideo.slnx ./
COPY src/Domain/AskVideo.Domain.csproj src/Domain/
COPY src/Application/AskVideo.Application.csproj src/Application/
COPY src/Infrastructure/AskVideo.Infrastructure.csproj src/Infrastructure/
COPY src/Api/AskVideo.Api.csproj src/Api/
COPY src/Worker/AskVideo.Worker.csproj src/Worker/
# The solution also lists the test projects, which are not in the build context: restore the two hosts (and, through
# their project references, the libraries) instead of the solution.
# nuget.org serves vulnerability advisories: keep them visible as warnings (NU1901-NU1904) instead of letting
# TreatWarningsAsErrors fail the image build the day a new advisory is published.
RUN dotnet restore src/Api/AskVideo.Api.csproj -p:WarningsNotAsErrors=NU1901%3BNU1902%3BNU1903%3BNU1904 \
 && dotnet restore src/Worker/AskVideo.Worker.csproj -p:WarningsNotAsErrors=NU1901%3BNU1902%3BNU1903%3BNU1904

COPY src/ src/
RUN dotnet publish src/Api/AskVideo.Api.csproj -c Release --no-restore -o /out/api -p:UseAppHost=false \
 && dotnet publish src/Worker/AskVideo.Worker.csproj -c Release --no-restore -o /out/worker -p:UseAppHost=false

# ---------------------------------------------------------------------------------------------------------------
# runtime: what both hosts need. The aspnet image is Ubuntu 24.04 and ships a non-root user "app" ($APP_UID).
# ffmpeg/ffprobe probe and transcode media in both hosts; espeak-ng generates the built-in sample clip (the API
# serves POST /videos/sample); curl is for the API's health check.
# ---------------------------------------------------------------------------------------------------------------
FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS runtime
# Image defaults for the container paths below; docker-compose.yml sets them too.
ENV Storage__LocalRoot=/data/media \
    Email__OutboxDirectory=/data/mail
RUN apt-get update \
 && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends ffmpeg espeak-ng curl ca-certificates \
 && rm -rf /var/lib/apt/lists/*
# Mount points owned by the app user, so a fresh named volume mounted here inherits that ownership.
# /data/media: local media storage (also mounted read-only by nginx). /data/mail: the file email outbox.
# /data/uploads: upload bodies nginx wrote for the API to take (shared with nginx).
RUN mkdir -p /data/media /data/mail /data/uploads \
 && chown -R app:app /data
WORKDIR /app

# ---------------------------------------------------------------------------------------------------------------
# worker: the background job consumer (no HTTP port).
# ---------------------------------------------------------------------------------------------------------------
FROM runtime AS worker
COPY --from=build /out/worker/ /app/
USER $APP_UID
# The worker has no HTTP endpoint: healthy means PID 1 is still the worker host (exec form, no shell involved).
# Do not run it under an init process (compose "init: true"), which would become PID 1.
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s --retries=3 \
    CMD ["grep", "-qa", "AskVideo.Worker", "/proc/1/cmdline"]
ENTRYPOINT ["dotnet", "AskVideo.Worker.dll"]

# ---------------------------------------------------------------------------------------------------------------
# api: the HTTP API on :8080 and the CLI (migrate, create-admin, reindex). Last stage, so the default target.
# ---------------------------------------------------------------------------------------------------------------
FROM runtime AS api
COPY --from=build /out/api/ /app/
# ASPNETCORE_HTTP_PORTS is emptied so Kestrel does not warn that ASPNETCORE_URLS overrides it.
ENV ASPNETCORE_URLS=http://+:8080 \
    ASPNETCORE_HTTP_PORTS=
EXPOSE 8080
USER $APP_UID
# Liveness only; docker-compose.yml probes /api/v1/health/ready (PostgreSQL, pgvector, Redis, storage) instead.
HEALTHCHECK --interval=15s --timeout=5s --start-period=30s --retries=3 \
    CMD ["curl", "-fsS", "-o", "/dev/null", "http://127.0.0.1:8080/api/v1/health"]
ENTRYPOINT ["dotnet", "AskVideo.Api.dll"]
