#!/usr/bin/env bash
# shellcheck disable=SC2016 # jq programs and literal ${...} patterns are single-quoted on purpose
# Checks of the Docker deployment and the local run (Dockerfile, nginx/Dockerfile, .dockerignore, docker-compose.yml,
# .env.example and the nginx template), runnable without a Docker engine:
#   - docker compose config (when the docker CLI has the compose plugin), with and without the optional profiles,
#     plus structural assertions on the resolved configuration (jq);
#   - the nginx template rendered with the container's values, compared with what the official image's envsubst
#     produces, and validated with `nginx -t` (when nginx is installed);
#   - the Dockerfiles: COPY sources exist and are not excluded by .dockerignore, stages, users, health checks,
#     entry points against the projects' assembly names, every src project copied before restore;
#   - .env.example documents every setting and every variable docker-compose.yml interpolates, and is valid shell;
#   - the Kubernetes manifests (deploy/kubernetes): every overlay rendered with `kubectl kustomize`, then validated
#     offline by deploy/kubernetes/validate (schemas of the built-in kinds and of the CloudNativePG/KEDA resources,
#     and how they fit together and with the app), including a self-test on seeded mistakes, and nginx -t of the
#     API pod's nginx values;
#   - deploy/prometheus and deploy/grafana (scripts/lib/check-observability.sh): promtool check config / check rules /
#     test rules (promtool from scripts/install-deps.sh), the dashboard's JSON and PromQL, and that every metric the
#     alerts and the dashboard query is one the app exports (deploy/prometheus/metrics.txt);
#   - at run time (on free loopback ports): nginx with the template answers 429 problem+json above its per-address
#     limits on /api/, and, as root, the local stack library starts PostgreSQL and nginx from a checkout that only
#     root can enter (the newcomer's clone in /root or a mktemp -d folder).
# A check whose tool is missing is skipped with a message. Exit status 1 when any check failed.
#   ./scripts/check-deploy.sh
set -uo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT" || exit 1
TMP="$(mktemp -d)"
cleanup() {
  declare -F stop_runtime_nginx >/dev/null && stop_runtime_nginx
  declare -F stop_private_stack >/dev/null && stop_private_stack
  rm -rf "$TMP" ${WWW:+"$WWW"}
}
trap cleanup EXIT

PASSED=0 FAILED=0 SKIPPED=0
pass() { PASSED=$((PASSED + 1)); printf '  ok    %s\n' "$*"; }
fail() { FAILED=$((FAILED + 1)); printf '  FAIL  %s\n' "$*"; }
skip() { SKIPPED=$((SKIPPED + 1)); printf '  skip  %s\n' "$*"; }
note() { printf '  note  %s\n' "$*"; }
section() { printf '\n== %s\n' "$*"; }
check() { # check <description> <command...>: passes when the command succeeds
  local what="$1"; shift
  if "$@" >/dev/null 2>&1; then pass "$what"; else fail "$what"; fi
}
check_not() { # check_not <description> <command...>: passes when the command fails
  local what="$1"; shift
  if "$@" >/dev/null 2>&1; then fail "$what"; else pass "$what"; fi
}

# The settings .env.example must document (ASP.NET Core "Section__Key" names), and the compose-only variables.
APP_SETTINGS=(
  ConnectionStrings__Postgres ConnectionStrings__PostgresReadOnly Database__ReadYourWritesSeconds Redis__Configuration
  App__PublicUrl App__SignupEnabled App__DefaultVideoLimit App__MaxUploadBytes App__RequireEmailVerification
  Auth__JwtSigningKey Auth__AccessTokenMinutes Auth__RefreshTokenDays Auth__SecureCookies
  ForwardedHeaders__KnownProxies__0 ForwardedHeaders__KnownNetworks__0 Streams__MaxPerUser Streams__SessionCheckSeconds
  Cors__AllowedOrigins__0
  Security__EncryptionKeys__0__Id Security__EncryptionKeys__0__Key
  Storage__Provider Storage__LocalRoot Storage__S3__Bucket Storage__S3__Region Storage__S3__ServiceUrl
  Storage__S3__ForcePathStyle Storage__S3__AccessKey Storage__S3__SecretKey Storage__S3__PresignMinutes
  Email__Provider Email__From Email__Smtp__Host Email__Smtp__Port Email__Smtp__Username Email__Smtp__Password
  Email__Smtp__EnableSsl Email__OutboxDirectory
  AI__ChatProvider AI__EmbeddingProvider AI__TranscriptionProvider AI__OpenAI__BaseUrl AI__OpenAI__ApiKey
  AI__OpenAI__ChatModel AI__OpenAI__EmbeddingModel AI__OpenAI__EmbeddingDimensions AI__OpenAI__TranscriptionModel
  AI__OpenAI__TimeoutSeconds AI__Hashing__Dimensions AI__Transcription__ChunkSeconds AI__Transcription__MaxChunkBytes
  AI__Transcription__OverlapSeconds AI__Transcription__Concurrency AI__Transcription__AttemptsPerChunk
  Pipeline__SceneTokenBudget Pipeline__ThumbnailAt Media__MaxConcurrentProcesses Media__TranscodeTimeoutSeconds
  RateLimits__SharePerToken__Limit RateLimits__SharePerIp__Limit RateLimits__SharedChatPerToken__Limit
  Queue__ConsumerEnabled Queue__Concurrency Queue__KeyPrefix
  RateLimits__LoginPerIp__Limit RateLimits__LoginPerIp__WindowSeconds
  RateLimits__LoginPerAccount__Limit RateLimits__LoginPerAccount__WindowSeconds
  Logging__Format Logging__LogLevel__Default
  Observability__MetricsPort Observability__MetricsHost Observability__TraceSampleRatio
  OTEL_EXPORTER_OTLP_ENDPOINT OTEL_EXPORTER_OTLP_PROTOCOL OTEL_SERVICE_NAME
)
# Uncommented in .env.example with an empty value on purpose: secrets the operator must fill in.
REQUIRED_EMPTY=(Auth__JwtSigningKey Security__EncryptionKeys__0__Key)
# Names the local run (scripts/run.sh, scripts/lib/stack.sh) uses for itself: .env must not define them.
LOCAL_RUN_INTERNAL=(NGINX_PORT API_UPSTREAM CLIENT_ROOT MEDIA_ROOT NGINX_MAX_BODY_SIZE NGINX_ACCESS_LOG NGINX_UPLOAD_DIR ROOT STACK_DIR
  STACK_NAME PUBLIC_URL API_DLL WORKER_DLL PG_PORT REDIS_PORT API_PORT PG_DB PG_BIN CONNECTION_STRING REDIS_CONFIGURATION)
# The template placeholders and the values the nginx container gets (docker-compose.yml / nginx/Dockerfile).
PLACEHOLDERS=(NGINX_PORT API_UPSTREAM CLIENT_ROOT MEDIA_ROOT NGINX_MAX_BODY_SIZE NGINX_ACCESS_LOG NGINX_API_RATE NGINX_API_BURST
  NGINX_API_CONNECTIONS NGINX_UPLOAD_DIR)
declare -A DOCKER_NGINX_VALUES=(
  [NGINX_PORT]=8080 [API_UPSTREAM]=api:8080 [CLIENT_ROOT]=/usr/share/nginx/html [MEDIA_ROOT]=/data/media
  [NGINX_MAX_BODY_SIZE]=4294967296 [NGINX_ACCESS_LOG]=/dev/stdout [NGINX_API_RATE]=50r/s [NGINX_API_BURST]=200
  [NGINX_API_CONNECTIONS]=64 [NGINX_UPLOAD_DIR]=/data/media/.uploads
)
TEMPLATE=nginx/templates/default.conf.template
SNIPPET=nginx/snippets/askvideo-security-headers.conf

in_list() { local x="$1"; shift; local y; for y in "$@"; do [ "$x" = "$y" ] && return 0; done; return 1; }

# ---------------------------------------------------------------------------------------------------------------
section "files"
for f in Dockerfile nginx/Dockerfile .dockerignore docker-compose.yml .env.example docs/deployment.md \
  "$TEMPLATE" "$SNIPPET" nginx/render.sh; do
  check "$f exists" test -s "$f"
done

# ---------------------------------------------------------------------------------------------------------------
# Dockerfile parsing helpers
# Logical instructions, one per line: continuation lines joined, comment lines dropped (as Docker does).
dockerfile_lines() {
  awk '
    /^[[:space:]]*#/ { next }
    {
      line = $0
      if (line ~ /\\[[:space:]]*$/) { sub(/\\[[:space:]]*$/, "", line); buf = buf line " "; next }
      buf = buf line
      if (buf ~ /[^[:space:]]/) print buf
      buf = ""
    }
    END { if (buf ~ /[^[:space:]]/) print buf }' "$1"
}

# .dockerignore matching: a path is excluded when it or one of its parent folders matches a pattern; later "!"
# patterns re-include. Bash patterns let "*" cross "/", so this errs on the side of reporting a path as excluded.
IGNORE_PATTERNS=()
if [ -f .dockerignore ]; then
  while IFS= read -r line; do
    line="${line%%#*}"; line="${line%"${line##*[![:space:]]}"}"; line="${line#"${line%%[![:space:]]*}"}"
    [ -n "$line" ] && IGNORE_PATTERNS+=("$line")
  done < .dockerignore
fi
dockerignored() {
  local path="${1#./}" p neg state=1 a # state: 0 = excluded (last matching pattern wins)
  path="${path%/}"
  [ -z "$path" ] || [ "$path" = "." ] && return 1
  for p in "${IGNORE_PATTERNS[@]}"; do
    neg=0; [[ $p == '!'* ]] && { neg=1; p="${p#!}"; }
    p="${p#/}"; p="${p%/}"
    a="$path"
    while :; do
      # shellcheck disable=SC2053 # the right-hand side is a pattern on purpose
      if [[ $a == $p ]] || { [[ $p == '**/'* ]] && [[ $a == ${p#\*\*/} ]]; }; then state=$neg; break; fi
      [[ $a == */* ]] || break
      a="${a%/*}"
    done
  done
  return "$state"
}

# check_dockerfile <file>: generic checks; fills STAGES (names) and STAGE_OF_LINE-like summaries for the caller.
declare -A STAGE_USER STAGE_HEALTH STAGE_ENTRY STAGE_ENV STAGE_FROM
STAGES=()
ROOT_STAGES=()
COPIED=""
check_dockerfile() {
  local file="$1" instr args stage="" n=0 bad_copy=0 words w from src i last
  STAGES=(); COPIED=""
  STAGE_USER=(); STAGE_HEALTH=(); STAGE_ENTRY=(); STAGE_ENV=(); STAGE_FROM=()
  while read -r instr args; do
    case "${instr^^}" in
      FROM)
        n=$((n + 1))
        read -ra words <<< "$args"
        stage="stage$n"
        if [ "${#words[@]}" -ge 3 ] && [ "${words[1],,}" = "as" ]; then stage="${words[2]}"; fi
        STAGES+=("$stage")
        STAGE_FROM[$stage]="${words[0]}"
        # A stage built FROM another stage inherits its user, health check and entry point.
        if in_list "${words[0]}" "${STAGES[@]}"; then
          STAGE_USER[$stage]="${STAGE_USER[${words[0]}]:-}"
          STAGE_HEALTH[$stage]="${STAGE_HEALTH[${words[0]}]:-}"
          STAGE_ENTRY[$stage]="${STAGE_ENTRY[${words[0]}]:-}"
          STAGE_ENV[$stage]="${STAGE_ENV[${words[0]}]:-}"
        fi
        ;;
      USER) STAGE_USER[$stage]="$args" ;;
      HEALTHCHECK) STAGE_HEALTH[$stage]="$args" ;;
      ENTRYPOINT) STAGE_ENTRY[$stage]="$args" ;;
      ENV) STAGE_ENV[$stage]="${STAGE_ENV[$stage]:-} $args" ;;
      COPY|ADD)
        read -ra words <<< "$args"
        from=""; src=()
        for w in "${words[@]}"; do
          case "$w" in
            --from=*) from="${w#--from=}" ;;
            --*) ;;
            *) src+=("$w") ;;
          esac
        done
        if [ -n "$from" ]; then
          if ! in_list "$from" "${STAGES[@]}"; then fail "$file: COPY --from=$from names no earlier stage"; bad_copy=1; fi
          continue
        fi
        last=$((${#src[@]} - 1))
        if [ "$last" -lt 1 ]; then fail "$file: cannot parse '$instr $args'"; bad_copy=1; continue; fi
        for ((i = 0; i < last; i++)); do
          COPIED+=" ${src[$i]}"
          if ! compgen -G "${src[$i]}" >/dev/null; then
            fail "$file: COPY source ${src[$i]} does not exist in the repository"; bad_copy=1
          elif dockerignored "${src[$i]}"; then
            fail "$file: COPY source ${src[$i]} is excluded by .dockerignore"; bad_copy=1
          fi
        done
        ;;
    esac
  done < <(dockerfile_lines "$file")
  [ "$bad_copy" -eq 0 ] && pass "$file: every COPY source exists in the repository and is in the build context (.dockerignore)"
  return 0
}

non_root_user() { # the USER value is set and is not root
  [ -n "$1" ] && [ "$1" != "root" ] && [ "$1" != "0" ] && [[ $1 != root:* ]] && [[ $1 != 0:* ]]
}

# ---------------------------------------------------------------------------------------------------------------
section "Dockerfile (api and worker images)"
if [ -f Dockerfile ]; then
  check_dockerfile Dockerfile
  ROOT_STAGES=("${STAGES[@]}")
  for s in build api worker; do check "Dockerfile: stage '$s' exists" in_list "$s" "${STAGES[@]}"; done
  tfm="$(sed -n 's:.*<TargetFramework>net\([0-9.]*\)</TargetFramework>.*:\1:p' Directory.Build.props | head -n1)"
  sdk_minor="$(sed -n 's/.*"version": *"\([0-9]*\.[0-9]*\)\..*/\1/p' global.json | head -n1)"
  check "Dockerfile: build stage uses the .NET SDK image of global.json ($sdk_minor)" \
    test "${STAGE_FROM[build]:-}" = "mcr.microsoft.com/dotnet/sdk:$sdk_minor"
  for s in api worker; do
    base="${STAGE_FROM[$s]:-}"
    while in_list "$base" "${STAGES[@]}"; do base="${STAGE_FROM[$base]}"; done
    check "Dockerfile: $s runs on mcr.microsoft.com/dotnet/aspnet:$tfm (the project's net$tfm)" \
      test "$base" = "mcr.microsoft.com/dotnet/aspnet:$tfm"
    check "Dockerfile: $s runs as a non-root user (USER ${STAGE_USER[$s]:-unset})" non_root_user "${STAGE_USER[$s]:-}"
    check "Dockerfile: $s has a HEALTHCHECK" test -n "${STAGE_HEALTH[$s]:-}"
  done
  for pair in api:src/Api/AskVideo.Api.csproj worker:src/Worker/AskVideo.Worker.csproj; do
    s="${pair%%:*}"; proj="${pair#*:}"
    asm="$(sed -n 's:.*<AssemblyName>\(.*\)</AssemblyName>.*:\1:p' "$proj" | head -n1)"
    [ -n "$asm" ] || asm="$(basename "$proj" .csproj)"
    check "Dockerfile: $s ENTRYPOINT runs $asm.dll (AssemblyName of $proj)" \
      grep -qF "\"dotnet\", \"$asm.dll\"" <<< "${STAGE_ENTRY[$s]:-}"
  done
  api_port="$(grep -o 'ASPNETCORE_URLS=http://+:[0-9]*' <<< "${STAGE_ENV[api]:-}" | grep -o '[0-9]*$')"
  check "Dockerfile: api listens on http://+:8080 (ASPNETCORE_URLS)" test "$api_port" = "8080"
  check "Dockerfile: the api HEALTHCHECK probes /api/v1/health on that port" \
    grep -qF "127.0.0.1:$api_port/api/v1/health" <<< "${STAGE_HEALTH[api]:-}"
  # Every project under src/ must be copied before restore, or restore misses it.
  missing=""
  while IFS= read -r proj; do
    [[ " $COPIED " == *" $proj "* ]] || missing+=" $proj"
  done < <(find src -name '*.csproj' -not -path '*/bin/*' -not -path '*/obj/*' | sort)
  if [ -z "$missing" ]; then pass "Dockerfile: every src/**/*.csproj is copied before dotnet restore"
  else fail "Dockerfile: not copied before restore:$missing"; fi
  # Their project references must point at copied projects.
  badref=""
  while IFS= read -r proj; do
    dir="$(dirname "$proj")"
    while IFS= read -r ref; do
      [ -n "$ref" ] || continue
      target="$(realpath -m --relative-to="$ROOT" "$dir/${ref//\\//}")"
      [[ " $COPIED " == *" $target "* ]] || badref+=" $proj->$target"
    done < <(sed -n 's:.*<ProjectReference Include="\([^"]*\)".*:\1:p' "$proj")
  done < <(find src -name '*.csproj' -not -path '*/bin/*' -not -path '*/obj/*')
  if [ -z "$badref" ]; then pass "Dockerfile: every ProjectReference of src/ resolves to a copied project"
  else fail "Dockerfile: ProjectReferences to projects not copied:$badref"; fi
  for f in global.json Directory.Build.props Directory.Packages.props .editorconfig; do
    check "Dockerfile: $f is copied before restore" grep -qE "(^| )$f( |$)" <<< "$COPIED"
  done
  check "Dockerfile: restores and publishes without the test projects" \
    bash -c '! grep -qE "^[^#]*(tests/|\.Tests)" Dockerfile'
  check "Dockerfile: ffmpeg installed in the runtime images, espeak-ng in the worker" \
    bash -c 'grep -qE "apt-get install.*ffmpeg" Dockerfile && grep -qE "apt-get install.*espeak-ng" Dockerfile'
  check "Dockerfile: /data/media is created and owned by the app user" \
    bash -c 'grep -q "mkdir -p /data/media" Dockerfile && grep -qE "chown -R app:app /data" Dockerfile'
else
  skip "Dockerfile is missing"
fi

# ---------------------------------------------------------------------------------------------------------------
section "nginx/Dockerfile (client build + nginx)"
if [ -f nginx/Dockerfile ]; then
  check_dockerfile nginx/Dockerfile
  NGINX_STAGES=("${STAGES[@]}")
  last_stage="${NGINX_STAGES[-1]}"
  check "nginx/Dockerfile: the client is built on node:20" grep -qE '^FROM node:20' nginx/Dockerfile
  check "nginx/Dockerfile: npm ci, then npm run build" \
    bash -c 'grep -q "RUN npm ci" nginx/Dockerfile && grep -q "RUN npm run build" nginx/Dockerfile'
  check "nginx/Dockerfile: final image is nginx:1.27-alpine" test "${STAGE_FROM[$last_stage]:-}" = "nginx:1.27-alpine"
  check "nginx/Dockerfile: the template goes to /etc/nginx/templates/" \
    grep -qE "^COPY +$TEMPLATE +/etc/nginx/templates/" nginx/Dockerfile
  check "nginx/Dockerfile: the security headers the template includes go to /etc/nginx/snippets/" \
    grep -qE "^COPY +$SNIPPET +/etc/nginx/snippets/" nginx/Dockerfile
  check "nginx/Dockerfile: the image's default.conf is removed" grep -q 'rm -f /etc/nginx/conf.d/default.conf' nginx/Dockerfile
  check "nginx/Dockerfile: the client dist is copied to the CLIENT_ROOT" \
    grep -qE '^COPY --from=[a-z]+ /src/client/dist/ /usr/share/nginx/html/' nginx/Dockerfile
  check "nginx/Dockerfile: HEALTHCHECK on /health" grep -qF '/health' <<< "${STAGE_HEALTH[$last_stage]:-}"
  filter="$(sed -n 's/.*NGINX_ENVSUBST_FILTER="\([^"]*\)".*/\1/p' nginx/Dockerfile | head -n1)"
  check "nginx/Dockerfile: NGINX_ENVSUBST_FILTER is set" test -n "$filter"
  for v in "${PLACEHOLDERS[@]}"; do
    value="$(grep -oE "(^|[[:space:]])$v=[^[:space:]]*" <<< "${STAGE_ENV[$last_stage]:-}" | head -n1 | sed 's/^[[:space:]]*//')"
    if [ "${value#*=}" = "${DOCKER_NGINX_VALUES[$v]}" ] && grep -qE "$filter" <<< "$v"; then
      pass "nginx/Dockerfile: $v defaults to ${DOCKER_NGINX_VALUES[$v]} and passes the envsubst filter"
    else
      fail "nginx/Dockerfile: $v default '${value#*=}' (expected ${DOCKER_NGINX_VALUES[$v]}) or filter '$filter'"
    fi
  done
else
  skip "nginx/Dockerfile is missing"
fi

if command -v hadolint >/dev/null 2>&1; then
  for f in Dockerfile nginx/Dockerfile; do
    if hadolint "$f" > "$TMP/hadolint.txt" 2>&1; then pass "hadolint $f"; else fail "hadolint $f"; sed 's/^/        /' "$TMP/hadolint.txt"; fi
  done
else
  skip "hadolint is not installed: Dockerfile lint not run"
fi

# ---------------------------------------------------------------------------------------------------------------
section ".dockerignore"
for p in .git .local .env secrets.env src/Api/bin src/Api/obj client/node_modules client/dist tests e2e deploy; do
  check ".dockerignore excludes $p" dockerignored "$p"
done
for p in global.json Directory.Build.props Directory.Packages.props .editorconfig AskVideo.slnx src/Api/Program.cs \
  client/package.json client/package-lock.json client/openapi.json client/index.html "$TEMPLATE"; do
  check_not ".dockerignore keeps $p" dockerignored "$p"
done

# ---------------------------------------------------------------------------------------------------------------
section "nginx template ($TEMPLATE)"
mapfile -t template_vars < <(grep -oE '\$\{[A-Za-z_][A-Za-z0-9_]*\}' "$TEMPLATE" | tr -d '${}' | sort -u)
mapfile -t render_vars < <(sed -n 's/^for var in \(.*\); do$/\1/p' nginx/render.sh | tr ' ' '\n' | sort -u)
mapfile -t expected_vars < <(printf '%s\n' "${PLACEHOLDERS[@]}" | sort -u)
check "template placeholders = nginx/render.sh's list = ${PLACEHOLDERS[*]}" \
  test "${template_vars[*]}" = "${expected_vars[*]}" -a "${render_vars[*]}" = "${expected_vars[*]}"

# nginx drops inherited add_header lines in a block that has one of its own: every such block must include the snippet
# (the one set of security headers), and the headers of the set are written nowhere else.
headerless_blocks() { # prints the first line of each block with an add_header of its own but no include of the snippet
  awk -v snippet="include snippets/${SNIPPET##*/};" '
    /\{[[:space:]]*$/ { depth++; start[depth] = NR ": " $0; adds[depth] = 0; incs[depth] = 0 }
    /^[[:space:]]*add_header / { adds[depth] = 1 }
    index($0, snippet) { incs[depth] = 1 }
    /^[[:space:]]*\}/ { if (adds[depth] && !incs[depth]) print start[depth]; depth-- }
  ' "$TEMPLATE"
}
check "every block of the template with its own add_header includes $SNIPPET" test -z "$(headerless_blocks)"
check "the template sets none of the snippet's headers itself" \
  bash -c '! grep -qiE "add_header +(X-Content-Type-Options|Referrer-Policy|X-Frame-Options|Permissions-Policy) " "$1"' _ "$TEMPLATE"

render_docker() {
  env NGINX_PORT="${DOCKER_NGINX_VALUES[NGINX_PORT]}" API_UPSTREAM="${DOCKER_NGINX_VALUES[API_UPSTREAM]}" \
    CLIENT_ROOT="${DOCKER_NGINX_VALUES[CLIENT_ROOT]}" MEDIA_ROOT="${DOCKER_NGINX_VALUES[MEDIA_ROOT]}" \
    NGINX_MAX_BODY_SIZE="${DOCKER_NGINX_VALUES[NGINX_MAX_BODY_SIZE]}" NGINX_ACCESS_LOG="${DOCKER_NGINX_VALUES[NGINX_ACCESS_LOG]}" \
    NGINX_API_RATE="${DOCKER_NGINX_VALUES[NGINX_API_RATE]}" NGINX_API_BURST="${DOCKER_NGINX_VALUES[NGINX_API_BURST]}" \
    NGINX_API_CONNECTIONS="${DOCKER_NGINX_VALUES[NGINX_API_CONNECTIONS]}" NGINX_UPLOAD_DIR="${DOCKER_NGINX_VALUES[NGINX_UPLOAD_DIR]}" "$@"
}
if render_docker bash nginx/render.sh "$TEMPLATE" > "$TMP/docker.conf" 2> "$TMP/render.err"; then
  pass "nginx/render.sh renders the template with the container's values"
  check "the rendered configuration has no \${...} left" bash -c "! grep -q '\\\${' '$TMP/docker.conf'"
else
  fail "nginx/render.sh failed: $(cat "$TMP/render.err")"
fi

# How the upload bodies are received (SPEC §8 upload throughput; measured in docs/benchmarks.md#upload-reading-the-numbers).
location_setting() { # location_setting <conf> <location line prefix> <directive>: the directive's value in that location
  awk -v loc="$2" -v dir="$3" '
    !inside && index($0, "location " loc) { inside = 1; depth = 0 }
    inside { depth += gsub(/\{/, "{"); if ($1 == dir) { v = $0; sub(/^[ \t]*[^ \t]+[ \t]+/, "", v); sub(/;[ \t]*(#.*)?$/, "", v); print v }
             depth -= gsub(/\}/, "}"); if (depth == 0) inside = 0 }' "$1"
}
upload_location='~* ^/api/v1/videos/uploads/.'
check "fast uploads: nginx writes the body to a file in NGINX_UPLOAD_DIR and passes only its name" test \
  "$(location_setting "$TMP/docker.conf" "$upload_location" client_body_in_file_only)|$(location_setting "$TMP/docker.conf" "$upload_location" client_body_temp_path)|$(location_setting "$TMP/docker.conf" "$upload_location" proxy_pass_request_body)" \
  = "clean|${DOCKER_NGINX_VALUES[NGINX_UPLOAD_DIR]}|off"

# The official image runs: envsubst "$(names of the environment variables matching NGINX_ENVSUBST_FILTER)".
if command -v envsubst >/dev/null 2>&1 && [ -n "${filter:-}" ]; then
  defined_envs="$(render_docker env NGINX_VERSION=1.27.5 NGINX_ENVSUBST_FILTER="$filter" \
    awk -v f="$filter" 'END { for (name in ENVIRON) if (name ~ f) printf "${%s} ", name }' < /dev/null)"
  render_docker envsubst "$defined_envs" < "$TEMPLATE" > "$TMP/image.conf"
  if diff -u "$TMP/docker.conf" "$TMP/image.conf" > "$TMP/diff.txt"; then
    pass "the image's envsubst (with NGINX_ENVSUBST_FILTER) renders exactly what nginx/render.sh renders"
  else
    fail "the image's envsubst and nginx/render.sh differ:"; sed 's/^/        /' "$TMP/diff.txt" | head -n 20
  fi
else
  skip "envsubst (gettext-base) is not installed: the image's rendering was not compared"
fi

# nginx -t inside a throwaway prefix, with an http block like the official image's nginx.conf.
nginx_prefix() { # nginx_prefix <name> <rendered conf>: a throwaway prefix with an http block like the official image's
  local name="$1" conf="$2" prefix="$TMP/nginx-$1"
  mkdir -p "$prefix/conf.d" "$prefix/snippets" "$prefix/logs" "$prefix/temp"
  cp "$conf" "$prefix/conf.d/default.conf"
  cp "$SNIPPET" "$prefix/snippets/"
  # nginx -t creates the folders of the temp paths it reads (the upload body folder is a mounted volume at run time).
  sed -i "s#client_body_temp_path [^;]*;#client_body_temp_path $prefix/temp/uploads;#" "$prefix/conf.d/default.conf"
  cat > "$prefix/nginx.conf" <<CONF
worker_processes auto;
pid $prefix/nginx.pid;
error_log $prefix/logs/error.log notice;
events { worker_connections 1024; }
http {
  include /etc/nginx/mime.types;
  default_type application/octet-stream;
  log_format main '\$remote_addr - \$remote_user [\$time_local] "\$request" \$status \$body_bytes_sent';
  access_log $prefix/logs/access.log main;
  client_body_temp_path $prefix/temp/body;
  proxy_temp_path $prefix/temp/proxy;
  fastcgi_temp_path $prefix/temp/fastcgi;
  uwsgi_temp_path $prefix/temp/uwsgi;
  scgi_temp_path $prefix/temp/scgi;
  sendfile on;
  keepalive_timeout 65;
  include $prefix/conf.d/*.conf;
}
CONF
}
nginx_test() { # nginx_test <name> <rendered conf> [more http-level conf files, included beside it]
  local name="$1" prefix="$TMP/nginx-$1"
  nginx_prefix "$1" "$2"
  shift 2
  [ "$#" -gt 0 ] && cp "$@" "$prefix/conf.d/"
  if "$NGINX_BIN" -e "$prefix/logs/error.log" -p "$prefix" -c "$prefix/nginx.conf" -t > "$TMP/nginx-$name.out" 2>&1; then
    pass "nginx -t accepts the template rendered with the $name values"
  else
    fail "nginx -t rejects the template rendered with the $name values:"; sed 's/^/        /' "$TMP/nginx-$name.out"
  fi
}
NGINX_BIN="$(command -v nginx || true)"
if [ -z "$NGINX_BIN" ] && [ -x /usr/sbin/nginx ]; then NGINX_BIN=/usr/sbin/nginx; fi
if [ -n "$NGINX_BIN" ] && [ -f /etc/nginx/mime.types ] && [ -s "$TMP/docker.conf" ]; then
  upstream_host="${DOCKER_NGINX_VALUES[API_UPSTREAM]%%:*}"
  cp "$TMP/docker.conf" "$TMP/docker-test.conf"
  if ! getent hosts "$upstream_host" >/dev/null 2>&1; then
    # nginx resolves upstream names when it loads the configuration; "api" only exists on the Compose network.
    note "'$upstream_host' does not resolve here: nginx -t uses 127.0.0.1 for it (resolved by Docker's DNS at run time)"
    sed -i "s/server $upstream_host:/server 127.0.0.1:/" "$TMP/docker-test.conf"
  fi
  nginx_test docker "$TMP/docker-test.conf"
  # The local run's values (scripts/run.sh), for good measure: the same template serves both.
  if NGINX_PORT=8080 API_UPSTREAM=127.0.0.1:5080 CLIENT_ROOT="$ROOT/client/dist" MEDIA_ROOT="$ROOT/.local/dev/media" \
    NGINX_MAX_BODY_SIZE=4294967296 NGINX_ACCESS_LOG='' NGINX_UPLOAD_DIR="$ROOT/.local/dev/nginx/temp/uploads" bash nginx/render.sh "$TEMPLATE" > "$TMP/local.conf" 2>/dev/null; then
    nginx_test local-run "$TMP/local.conf"
  else
    fail "nginx/render.sh failed with the local run's values"
  fi
else
  skip "nginx (with /etc/nginx/mime.types) is not installed: nginx -t not run"
fi

# nginx running the template: the per-address limits on /api/ (limit_req, limit_conn) answer 429 problem+json, the
# defaults let a burst through, and paths outside /api/ are never limited. Upstreams: a closed port (nginx answers
# its own 503 at once) and a socket that accepts connections but never answers (requests stay open).
free_port() { # a TCP port on 127.0.0.1 that nothing listens on
  local p
  for _ in $(seq 1 100); do
    p=$((20000 + RANDOM % 30000))
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null; then echo "$p"; return 0; fi
  done
  return 1
}
NGINX_RUNNING=()
SILENT_PID=""
nginx_run() { # nginx_run <name> <port> <upstream port> [VAR=value...]: renders the template and starts nginx on <port>
  local name="$1" port="$2" upstream="$3" prefix="$TMP/nginx-$1"; shift 3
  env NGINX_PORT="$port" API_UPSTREAM="127.0.0.1:$upstream" CLIENT_ROOT="$WWW" MEDIA_ROOT="$WWW" \
    NGINX_MAX_BODY_SIZE=1048576 NGINX_ACCESS_LOG="$prefix/logs/access.log" NGINX_UPLOAD_DIR="$prefix/uploads" "$@" \
    bash nginx/render.sh "$TEMPLATE" > "$TMP/$name.conf" || return 1
  mkdir -p "$prefix/uploads"
  nginx_prefix "$name" "$TMP/$name.conf"
  "$NGINX_BIN" -e "$prefix/logs/error.log" -p "$prefix" -c "$prefix/nginx.conf" 2>"$TMP/nginx-$name.out" || return 1
  NGINX_RUNNING+=("$name")
  for _ in $(seq 1 50); do curl -s -o /dev/null "http://127.0.0.1:$port/health" && return 0; sleep 0.1; done
  return 1
}
stop_runtime_nginx() {
  local name
  for name in "${NGINX_RUNNING[@]}"; do
    "$NGINX_BIN" -e "$TMP/nginx-$name/logs/error.log" -p "$TMP/nginx-$name" -c "$TMP/nginx-$name/nginx.conf" -s stop 2>/dev/null
  done
  NGINX_RUNNING=()
  if [ -n "$SILENT_PID" ]; then kill "$SILENT_PID" 2>/dev/null; wait "$SILENT_PID" 2>/dev/null; SILENT_PID=""; fi
}
codes() { # codes <url> <count>: the status of <count> requests in a row (one connection), one per line
  local urls=() i
  for ((i = 0; i < $2; i++)); do urls+=(-o /dev/null "$1"); done
  curl -s -w '%{http_code}\n' "${urls[@]}"
}
problem_429() { # problem_429 <headers file> <body file>: nginx's own problem+json 429 with Retry-After
  grep -qi '^content-type: application/problem+json' "$1" && grep -qi '^retry-after: ' "$1" &&
    jq -e '.status == 429 and .code == "rate_limited" and (.detail | length > 0)' "$2" >/dev/null 2>&1
}
section "nginx at run time: limits on /api/"
if [ -z "$NGINX_BIN" ] || [ ! -f /etc/nginx/mime.types ] || ! command -v curl >/dev/null || ! command -v jq >/dev/null \
  || ! command -v perl >/dev/null; then
  skip "nginx, curl, jq or perl is missing: the limits were not exercised"
else
  # nginx's workers (nobody, when started as root) cannot enter $TMP (mode 700): the SPA files get a folder of their own.
  WWW="$(mktemp -d)" && echo '<!doctype html><title>spa</title>' > "$WWW/index.html" && chmod -R a+rX "$WWW"
  closed="$(free_port)" silent="$(free_port)"
  perl -MIO::Socket::INET -e '$s = IO::Socket::INET->new(LocalAddr => "127.0.0.1", LocalPort => $ARGV[0], Listen => 64,
    ReuseAddr => 1) or die "listen: $!"; sleep 120' "$silent" & SILENT_PID=$!
  p_default="$(free_port)" p_rate="$(free_port)" p_conn="$(free_port)"
  if nginx_run limits-default "$p_default" "$closed" \
    && nginx_run limits-rate "$p_rate" "$closed" NGINX_API_RATE=1r/s NGINX_API_BURST=2 \
    && nginx_run limits-conn "$p_conn" "$silent" NGINX_API_CONNECTIONS=2; then
    # Defaults (50r/s, burst 200): a burst of 150 API requests all reach the (closed) upstream: 503, no 429.
    check "defaults: a burst of 150 /api/ requests is not limited" \
      test "$(codes "http://127.0.0.1:$p_default/api/v1/health" 150 | grep -c '^503$')" = 150
    # 1r/s, burst 2: three requests pass, the rest of a quick series gets 429.
    mapfile -t got < <(codes "http://127.0.0.1:$p_rate/api/v1/health" 8)
    if [ "${got[*]:0:3}" = "503 503 503" ] && [ "${got[*]:3}" = "429 429 429 429 429" ]; then
      pass "limit_req (NGINX_API_RATE=1r/s, NGINX_API_BURST=2): 3 of 8 quick requests pass, the others get 429"
    else
      fail "limit_req (NGINX_API_RATE=1r/s, NGINX_API_BURST=2): statuses ${got[*]}"
    fi
    curl -s -D "$TMP/rate.h" -o "$TMP/rate.json" "http://127.0.0.1:$p_rate/api/v1/videos"
    check "limit_req: the 429 is problem+json (code rate_limited) with Retry-After" problem_429 "$TMP/rate.h" "$TMP/rate.json"
    check "limit_req: the 429 carries the security headers (nosniff, X-Frame-Options)" \
      bash -c 'grep -qi "^x-content-type-options: nosniff" "$1" && grep -qi "^x-frame-options: DENY" "$1"' _ "$TMP/rate.h"
    check "limit_req: /health and the SPA are not limited" \
      test "$({ codes "http://127.0.0.1:$p_rate/health" 10; codes "http://127.0.0.1:$p_rate/library" 10; } | grep -c '^200$')" = 20
    # 2 connections: two requests held open by the silent upstream, a third one gets 429 at once.
    curl -s -o /dev/null --max-time 10 "http://127.0.0.1:$p_conn/api/v1/videos/events" & held1=$!
    curl -s -o /dev/null --max-time 10 "http://127.0.0.1:$p_conn/api/v1/videos/events" & held2=$!
    sleep 1
    status="$(curl -s -D "$TMP/conn.h" -o "$TMP/conn.json" -w '%{http_code}' --max-time 5 "http://127.0.0.1:$p_conn/api/v1/me")"
    if [ "$status" = 429 ] && problem_429 "$TMP/conn.h" "$TMP/conn.json"; then
      pass "limit_conn (NGINX_API_CONNECTIONS=2): a third open /api/ request gets 429 problem+json"
    else
      fail "limit_conn (NGINX_API_CONNECTIONS=2): a third open /api/ request got $status"
    fi
    check "limit_conn: /health is not limited while the /api/ connections are held" \
      test "$(curl -s -o /dev/null -w '%{http_code}' --max-time 5 "http://127.0.0.1:$p_conn/health")" = 200
    kill "$held1" "$held2" 2>/dev/null; wait "$held1" "$held2" 2>/dev/null
  else
    fail "could not start nginx with the rendered template:"; cat "$TMP"/nginx-limits-*.out 2>/dev/null | sed 's/^/        /'
  fi
  stop_runtime_nginx
fi

# The newcomer path: a checkout that only root can enter (root's home, a `mktemp -d` folder), run as root, as on a
# fresh server. PostgreSQL runs as the postgres user and nginx's workers as nobody; the stack library must keep their
# state where they can reach it. A copy of scripts/ and nginx/ in a mode-700 folder starts PostgreSQL and nginx
# through scripts/lib/stack.sh on free ports, checks them, and stops them.
PRIVATE_STARTED=""
private_call() { # private_call <function> [args...]: runs a stack.sh function in the private checkout
  STACK_NAME=deploy-check PG_PORT="$PRIVATE_PG_PORT" NGINX_PORT="$PRIVATE_NGINX_PORT" API_PORT="$PRIVATE_API_PORT" \
    bash -c 'set -euo pipefail; . "$0/scripts/lib/stack.sh"; stack_dir() { echo "$STACK_DIR"; }; "$@"' "$PRIVATE" "$@"
}
stop_private_stack() {
  [ -n "$PRIVATE_STARTED" ] || return 0
  private_call stop_nginx >/dev/null 2>&1
  private_call stop_postgres >/dev/null 2>&1
  case "$PRIVATE_STATE" in /var/lib/askvideo/deploy-check-*) rm -rf "$PRIVATE_STATE" ;; esac
  PRIVATE_STARTED=""
}
section "local run from a checkout only root can enter (scripts/lib/stack.sh)"
PG_BIN="${PG_BIN:-/usr/lib/postgresql/15/bin}"
if [ "$(id -u)" -ne 0 ]; then
  skip "not root: the root-only checkout case does not arise"
elif ! id -u postgres >/dev/null 2>&1 || [ ! -x "$PG_BIN/initdb" ] || [ -z "$NGINX_BIN" ] || [ ! -f /etc/nginx/mime.types ]; then
  skip "PostgreSQL ($PG_BIN) or nginx is not installed (scripts/install-deps.sh installs them)"
else
  PRIVATE="$TMP/private/askvideo"   # $TMP comes from mktemp -d: mode 700, owned by root
  mkdir -p "$PRIVATE/client/dist"
  cp -R scripts nginx "$PRIVATE/"
  echo '<!doctype html><title>private checkout</title>' > "$PRIVATE/client/dist/index.html"
  PRIVATE_PG_PORT="$(free_port)" PRIVATE_NGINX_PORT="$(free_port)" PRIVATE_API_PORT="$(free_port)"
  check "precondition: the postgres user cannot enter the checkout ($(stat -c %a "$TMP") $TMP)" \
    bash -c "! (cd / && runuser -u postgres -- test -x '$PRIVATE')"
  PRIVATE_STATE="$(private_call stack_dir 2>/dev/null)"
  PRIVATE_STARTED=1
  if private_call start_postgres > "$TMP/private-pg.out" 2>&1; then
    pass "start_postgres as root from the mode-700 checkout (state in $PRIVATE_STATE)"
  else
    fail "start_postgres as root from the mode-700 checkout:"; sed 's/^/        /' "$TMP/private-pg.out"
  fi
  check "PostgreSQL is ready on 127.0.0.1:$PRIVATE_PG_PORT and has the askvideo database" \
    bash -c "'$PG_BIN/pg_isready' -q -h 127.0.0.1 -p '$PRIVATE_PG_PORT' &&
      test \"\$('$PG_BIN/psql' -h 127.0.0.1 -p '$PRIVATE_PG_PORT' -U postgres -d askvideo -tAc 'SELECT 1')\" = 1"
  check ".local/deploy-check in the checkout links to the state folder" \
    test "$(readlink "$PRIVATE/.local/deploy-check")" = "$PRIVATE_STATE"
  if private_call start_nginx "$PRIVATE/client/dist" "$PRIVATE_STATE/media" 1048576 > "$TMP/private-nginx.out" 2>&1; then
    check "nginx serves the client from the mode-700 checkout" \
      bash -c "curl -fsS 'http://127.0.0.1:$PRIVATE_NGINX_PORT/' | grep -q 'private checkout'"
  else
    fail "start_nginx as root from the mode-700 checkout:"; sed 's/^/        /' "$TMP/private-nginx.out"
  fi
  private_call stop_nginx >/dev/null 2>&1
  private_call stop_postgres >/dev/null 2>&1
  check "stop_postgres stops it" bash -c "! '$PG_BIN/pg_isready' -q -h 127.0.0.1 -p '$PRIVATE_PG_PORT'"
  stop_private_stack
fi

# ---------------------------------------------------------------------------------------------------------------
section "Kubernetes manifests (deploy/kubernetes)"
K8S=deploy/kubernetes
for f in "$K8S/base/kustomization.yaml" "$K8S/secrets.example.env" "$K8S/validate/package.json" \
  "$K8S/validate/package-lock.json" "$K8S/validate/validate.mjs"; do
  check "$f exists" test -s "$f"
done
mapfile -t K8S_OVERLAYS < <(find "$K8S/overlays" -mindepth 2 -maxdepth 2 -name kustomization.yaml -printf '%h\n' 2>/dev/null | xargs -r -n1 basename | sort)
check "overlays: production (KEDA, CloudNativePG) and no-operators (plain HPA, managed PostgreSQL) exist" \
  test "${K8S_OVERLAYS[*]}" = "no-operators production"
# kubectl renders kustomizations without a cluster; components need its kustomize v4 or later (kubectl 1.21+; Debian
# 12's own kubernetes-client is 1.20). This machine image ships kubectl (see scripts/install-deps.sh).
kustomize_major="$(kubectl version --client -o json 2>/dev/null | sed -n 's/.*"kustomizeVersion": *"v\([0-9]*\)\..*/\1/p')"
K8S_RENDERED=()
if [ -z "$kustomize_major" ]; then
  skip "kubectl (with kustomize) is not installed: the Kubernetes manifests were not rendered or validated"
elif [ "$kustomize_major" -lt 4 ]; then
  skip "kubectl's kustomize is v$kustomize_major (components need v4+): the Kubernetes manifests were not rendered"
else
  if kubectl kustomize "$K8S/base" > "$TMP/k8s-base.yaml" 2> "$TMP/k8s.err"; then pass "kubectl kustomize renders $K8S/base"
  else fail "kubectl kustomize $K8S/base: $(head -n 3 "$TMP/k8s.err")"; fi
  for o in "${K8S_OVERLAYS[@]}"; do
    if kubectl kustomize "$K8S/overlays/$o" > "$TMP/k8s-$o.yaml" 2> "$TMP/k8s.err"; then
      pass "kubectl kustomize renders $K8S/overlays/$o ($(grep -c '^kind:' "$TMP/k8s-$o.yaml") objects)"
      K8S_RENDERED+=("$o=$TMP/k8s-$o.yaml")
    else
      fail "kubectl kustomize $K8S/overlays/$o: $(head -n 3 "$TMP/k8s.err")"
    fi
  done
fi
# Schemas and cross-checks, offline (deploy/kubernetes/validate: kubernetes-models + tsc for the built-in kinds, the
# CRD schemas of CloudNativePG and KEDA), then the same checks against seeded mistakes (--self-test): each must fail.
if [ "${#K8S_RENDERED[@]}" -eq 0 ]; then
  :
elif ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
  skip "node/npm are not installed: the rendered manifests were not validated"
else
  if [ ! -f "$K8S/validate/node_modules/.package-lock.json" ] || [ "$K8S/validate/package-lock.json" -nt "$K8S/validate/node_modules/.package-lock.json" ]; then
    (cd "$K8S/validate" && npm ci --no-audit --no-fund --loglevel=error > "$TMP/k8s-npm.log" 2>&1) \
      || fail "npm ci in $K8S/validate: $(tail -n 3 "$TMP/k8s-npm.log")"
  fi
  if [ -d "$K8S/validate/node_modules/kubernetes-models" ]; then
    node "$K8S/validate/validate.mjs" --root "$ROOT" --self-test --nginx-env "$TMP/k8s-nginx.env" "${K8S_RENDERED[@]}" > "$TMP/k8s-validate.txt" 2>&1
    validate_status=$?
    while IFS=$'\t' read -r verdict text; do
      case "$verdict" in
        PASS) pass "$text" ;;
        FAIL) fail "$text" ;;
        SKIP) skip "$text" ;;
        *) [ -n "$verdict" ] && fail "validate.mjs: $verdict $text" ;;
      esac
    done < "$TMP/k8s-validate.txt"
    [ "$validate_status" -ne 0 ] && ! grep -q '^FAIL' "$TMP/k8s-validate.txt" && fail "validate.mjs exited with $validate_status"
  fi
  # nginx in the API pod: the template rendered with that container's values, plus the real-IP snippet, passes
  # nginx -t (the upstream is 127.0.0.1, as in the pod).
  if [ -s "$TMP/k8s-nginx.env" ] && [ -n "${NGINX_BIN:-}" ] && [ -f /etc/nginx/mime.types ]; then
    if env -i PATH="$PATH" bash -c 'set -a; . "$1"; set +a; bash nginx/render.sh "$2"' _ "$TMP/k8s-nginx.env" "$TEMPLATE" > "$TMP/k8s-nginx.conf" 2> "$TMP/render.err"; then
      nginx_test kubernetes "$TMP/k8s-nginx.conf" "$K8S/base/nginx/realip.conf"
    else
      fail "nginx/render.sh failed with the Kubernetes values: $(cat "$TMP/render.err")"
    fi
  elif [ -s "$TMP/k8s-nginx.env" ]; then
    skip "nginx is not installed: nginx -t of the Kubernetes values not run"
  fi
fi

# ---------------------------------------------------------------------------------------------------------------
section "docker-compose.yml"
check "docker-compose.yml has no obsolete 'version:' key" bash -c '! grep -qE "^version:" docker-compose.yml'
COMPOSE=()
if command -v docker >/dev/null 2>&1 && docker compose version >/dev/null 2>&1; then
  COMPOSE=(docker compose)
elif command -v docker-compose >/dev/null 2>&1 && docker-compose version 2>/dev/null | grep -qE 'v?2\.'; then
  COMPOSE=(docker-compose)
fi
if [ "${#COMPOSE[@]}" -eq 0 ]; then
  skip "docker compose (v2) is not available: 'docker compose config' and the structural checks not run"
else
  note "using $("${COMPOSE[@]}" version 2>/dev/null | head -n1)"
  # Interpolation comes only from the --env-file given here, never from the operator's .env or shell.
  compose() {
    env -u Auth__JwtSigningKey -u Security__EncryptionKeys__0__Key -u COMPOSE_PROFILES -u COMPOSE_FILE \
      -u COMPOSE_PROJECT_NAME -u App__MaxUploadBytes "${COMPOSE[@]}" -f docker-compose.yml "$@"
  }
  printf '%s\n' "Auth__JwtSigningKey=dummy-jwt-key-for-config-check" \
    "Security__EncryptionKeys__0__Key=dummy-encryption-key-for-config-check" > "$TMP/dummy.env"
  check "docker compose config -q (required secrets set to dummies)" compose --env-file "$TMP/dummy.env" config -q
  check "docker compose --profile s3 --profile mail config -q" \
    compose --env-file "$TMP/dummy.env" --profile s3 --profile mail config -q
  : > "$TMP/empty.env"
  for v in Auth__JwtSigningKey Security__EncryptionKeys__0__Key; do
    grep -v "^$v=" "$TMP/dummy.env" > "$TMP/missing.env"
    if compose --env-file "$TMP/missing.env" config -q > "$TMP/out.txt" 2>&1; then
      fail "docker compose config should fail when $v is missing"
    elif grep -q "$v" "$TMP/out.txt"; then
      pass "docker compose config fails clearly when $v is missing: $(grep -o "required variable $v.*" "$TMP/out.txt" | head -n1)"
    else
      fail "docker compose config failed without naming $v: $(cat "$TMP/out.txt")"
    fi
  done
  # .env.example itself, once its two secrets are filled in, is a valid Compose env file.
  sed -e 's/^Auth__JwtSigningKey=$/Auth__JwtSigningKey=dummy/' \
    -e 's/^Security__EncryptionKeys__0__Key=$/Security__EncryptionKeys__0__Key=dummy/' .env.example > "$TMP/example.env"
  check "docker compose config accepts .env.example (secrets filled in)" compose --env-file "$TMP/example.env" config -q

  if ! command -v jq >/dev/null 2>&1; then
    skip "jq is not installed: structural checks of the resolved Compose configuration not run"
  elif compose --env-file "$TMP/dummy.env" config --format json > "$TMP/compose.json" 2>"$TMP/compose.err" \
    && compose --env-file "$TMP/dummy.env" --profile s3 --profile mail config --format json > "$TMP/compose-all.json" 2>>"$TMP/compose.err"; then
    q() { jq -e "$1" "$TMP/compose.json" >/dev/null 2>&1; }
    qa() { jq -e "$1" "$TMP/compose-all.json" >/dev/null 2>&1; }
    check "services: postgres redis migrate api worker nginx (default profile)" \
      q '(.services | keys | sort) == ["api","migrate","nginx","postgres","redis","worker"]'
    check "only nginx publishes a port (default profile)" \
      q '[.services | to_entries[] | select((.value.ports // []) | length > 0) | .key] == ["nginx"]'
    check "nginx publishes \${ASKVIDEO_PORT:-8080} -> 8080" \
      q '.services.nginx.ports | length == 1 and .[0].target == 8080 and .[0].published == "8080"'
    check "with profiles: only nginx, mailpit and minio publish; Mailpit's UI and MinIO's console on 127.0.0.1" \
      qa '([.services | to_entries[] | select((.value.ports // []) | length > 0) | .key] | sort) == ["mailpit","minio","nginx"]
          and (.services.mailpit.ports | all(.host_ip == "127.0.0.1"))
          and (.services.minio.ports | map(select(.target == 9001)) | all(.host_ip == "127.0.0.1"))'
    check "profiles: mailpit in 'mail', minio and minio-init in 's3'" \
      qa '.services.mailpit.profiles == ["mail"] and .services.minio.profiles == ["s3"] and .services["minio-init"].profiles == ["s3"]'
    check "images: pgvector/pgvector:pg17, redis:7-alpine" \
      q '.services.postgres.image == "pgvector/pgvector:pg17" and .services.redis.image == "redis:7-alpine"'
    check "redis runs with --appendonly yes" q '.services.redis.command | join(" ") | test("--appendonly yes")'
    check "postgres, redis and api have health checks (worker and nginx: in their images)" \
      q '[.services.postgres, .services.redis, .services.api] | all(.healthcheck.test | length > 0)'
    check "the api health check probes /api/v1/health/ready" \
      q '.services.api.healthcheck.test | join(" ") | test("/api/v1/health/ready")'
    check "migrate: target api, command [migrate], restart no, after postgres is healthy" \
      q '.services.migrate.build.target == "api" and .services.migrate.command == ["migrate"]
         and .services.migrate.restart == "no" and .services.migrate.depends_on.postgres.condition == "service_healthy"'
    check "api and worker start after migrate completed and redis is healthy" \
      q '[.services.api, .services.worker] | all(.depends_on.migrate.condition == "service_completed_successfully"
         and .depends_on.redis.condition == "service_healthy")'
    check "nginx starts after the api is healthy" q '.services.nginx.depends_on.api.condition == "service_healthy"'
    check "restart unless-stopped for postgres, redis, api, worker, nginx" \
      q '[.services.postgres, .services.redis, .services.api, .services.worker, .services.nginx] | all(.restart == "unless-stopped")'
    check "api and worker have cpu and memory limits" \
      q '[.services.api, .services.worker] | all(.deploy.resources.limits.cpus != null and .deploy.resources.limits.memory != null)'
    check "worker is scalable (no container_name, no ports)" \
      q '.services.worker.container_name == null and (.services.worker.ports // [] | length == 0)'
    check "build targets: api/migrate -> Dockerfile:api, worker -> Dockerfile:worker, nginx -> nginx/Dockerfile" \
      q '.services.api.build.target == "api" and .services.worker.build.target == "worker"
         and .services.nginx.build.dockerfile == "nginx/Dockerfile" and .services.api.build.dockerfile == "Dockerfile"'
    check "named volumes pgdata, redisdata, media are declared and used" \
      q '(.volumes | has("pgdata") and has("redisdata") and has("media"))
         and (.services.postgres.volumes | any(.source == "pgdata" and .target == "/var/lib/postgresql/data"))
         and (.services.redis.volumes | any(.source == "redisdata" and .target == "/data"))'
    check "the media volume: read-write at Storage__LocalRoot for api and worker, read-only at MEDIA_ROOT for nginx" \
      q '.services.nginx.environment.MEDIA_ROOT as $m
         | ([.services.api, .services.worker] | all(.environment.Storage__LocalRoot == $m
              and (.volumes | any(.source == "media" and .target == $m and (.read_only // false) == false))))
           and (.services.nginx.volumes | any(.source == "media" and .target == $m and .read_only == true))'
    check "upload bodies: nginx writes them to one read-write subpath of the media volume (NGINX_UPLOAD_DIR), which the api reads in its own media mount (Uploads__ProxyBodyDirectory), so taking one over is a rename" \
      q '.services.nginx.environment.NGINX_UPLOAD_DIR as $u | .services.nginx.environment.MEDIA_ROOT as $m
         | $u == ($m + "/.uploads") and .services.api.environment.Uploads__ProxyBodyDirectory == $u
         and (.volumes | has("uploads") | not)
         and (.services.nginx.volumes | any(.source == "media" and .target == $u and .volume.subpath == ".uploads" and (.read_only // false) == false))'
    check "nginx gets the Docker values of the template placeholders" \
      q '.services.nginx.environment | .NGINX_PORT == "8080" and .API_UPSTREAM == "api:8080"
         and .CLIENT_ROOT == "/usr/share/nginx/html" and .MEDIA_ROOT == "/data/media" and .NGINX_ACCESS_LOG == "/dev/stdout"
         and .NGINX_API_RATE == "50r/s" and .NGINX_API_BURST == "200" and .NGINX_API_CONNECTIONS == "64"'
    check "api, worker, migrate share the app environment (connection strings, secrets)" \
      q '[.services.api, .services.worker, .services.migrate] | all(.environment | .ConnectionStrings__Postgres != null
         and .Redis__Configuration == "redis:6379" and .Auth__JwtSigningKey != null and .Security__EncryptionKeys__0__Key != null)'
    check "the api trusts X-Forwarded-* from the project's network only, whose subnet is fixed (ASKVIDEO_SUBNET)" \
      q '.networks.default.ipam.config[0].subnet as $s | ($s | length > 0)
         and ([.services.api, .services.worker, .services.migrate] | all(.environment.ForwardedHeaders__KnownNetworks__0 == $s))'
    check "the api does not consume the queue (Queue__ConsumerEnabled=false)" \
      q '.services.api.environment.Queue__ConsumerEnabled == "false"'
    check "the api listens where nginx's API_UPSTREAM points (api:8080)" \
      q '.services.nginx.environment.API_UPSTREAM == "api:8080"'
    # client_max_body_size follows App__MaxUploadBytes.
    { cat "$TMP/dummy.env"; echo "App__MaxUploadBytes=123456789"; } > "$TMP/upload.env"
    if compose --env-file "$TMP/upload.env" config --format json 2>/dev/null \
      | jq -e '.services.nginx.environment.NGINX_MAX_BODY_SIZE == "123456789"' >/dev/null 2>&1 \
      && q '.services.nginx.environment.NGINX_MAX_BODY_SIZE == "4294967296"'; then
      pass "NGINX_MAX_BODY_SIZE follows App__MaxUploadBytes (default 4294967296)"
    else
      fail "NGINX_MAX_BODY_SIZE does not follow App__MaxUploadBytes"
    fi
    # Every build target named in compose exists as a stage.
    mapfile -t targets < <(jq -r '.services[] | select(.build.dockerfile == "Dockerfile") | .build.target' "$TMP/compose.json" | sort -u)
    for t in "${targets[@]}"; do check "compose build target '$t' is a stage of Dockerfile" in_list "$t" "${ROOT_STAGES[@]}"; done
  else
    fail "docker compose config --format json failed: $(cat "$TMP/compose.err")"
  fi
fi

# ---------------------------------------------------------------------------------------------------------------
section ".env.example"
check ".env.example is valid shell (the local run sources .env)" bash -n .env.example
check ".env.example sources cleanly with set -a (as scripts/run.sh does)" \
  env -i PATH="$PATH" bash -c 'set -e -a; . ./.env.example'
mapfile -t set_keys < <(grep -oE '^[A-Za-z_][A-Za-z0-9_]*=' .env.example | tr -d '=')
mapfile -t documented < <(grep -oE '^#? ?[A-Za-z_][A-Za-z0-9_]*=' .env.example | sed 's/^# \{0,1\}//; s/=$//' | sort -u)
missing=""
for k in "${APP_SETTINGS[@]}"; do in_list "$k" "${documented[@]}" || missing+=" $k"; done
if [ -z "$missing" ]; then pass ".env.example documents all ${#APP_SETTINGS[@]} app settings"
else fail ".env.example does not document:$missing"; fi
mapfile -t compose_vars < <(grep -oE '\$\{[A-Za-z_][A-Za-z0-9_]*' docker-compose.yml | sed 's/^\${//' | sort -u)
missing=""
for k in "${compose_vars[@]}"; do in_list "$k" "${documented[@]}" || missing+=" $k"; done
if [ -z "$missing" ]; then pass ".env.example documents every variable docker-compose.yml interpolates (${#compose_vars[@]})"
else fail ".env.example does not document these docker-compose.yml variables:$missing"; fi
mapfile -t local_vars < <(cat scripts/run.sh scripts/lib/stack.sh | grep -oE '\b[A-Z][A-Za-z]+__[A-Za-z0-9_]+' | sort -u)
missing=""
for k in "${local_vars[@]}"; do in_list "$k" "${documented[@]}" || missing+=" $k"; done
if [ -z "$missing" ]; then pass ".env.example documents every setting the local run sets (${#local_vars[@]})"
else fail ".env.example does not document these settings of the local run:$missing"; fi
bad=""
for k in "${set_keys[@]}"; do in_list "$k" "${LOCAL_RUN_INTERNAL[@]}" && bad+=" $k"; done
if [ -z "$bad" ]; then pass ".env.example defines none of the local run's internal names (NGINX_PORT, MEDIA_ROOT, …)"
else fail ".env.example defines names the local run uses internally:$bad"; fi
bad=""
while IFS= read -r k; do in_list "$k" "${REQUIRED_EMPTY[@]}" || bad+=" $k"; done < <(grep -oE '^[A-Za-z_][A-Za-z0-9_]*=$' .env.example | tr -d '=')
if [ -z "$bad" ]; then pass ".env.example leaves only the required secrets empty (${REQUIRED_EMPTY[*]})"
else fail ".env.example has uncommented empty settings (empty is not 'default'):$bad"; fi
# Informational: documented app settings whose key is not (yet) a property in src/.
absent=""
for k in "${APP_SETTINGS[@]}"; do
  leaf="${k##*__}"
  if [[ $leaf =~ ^[0-9]+$ ]]; then leaf="${k%__*}"; leaf="${leaf##*__}"; fi
  case "$k" in ConnectionStrings__*|Logging__*) continue ;; esac
  grep -rqE "\b$leaf\b" src --include='*.cs' 2>/dev/null || absent+=" $k"
done
[ -n "$absent" ] && note "not (yet) read anywhere in src/:$absent"

# ---------------------------------------------------------------------------------------------------------------
section "docs/deployment.md"
if [ -f docs/deployment.md ]; then
  for topic in "cp .env.example .env" "openssl rand -base64" "docker compose up -d" "--scale worker=" "--profile s3" \
    "--profile mail" "docker compose run --rm migrate create-admin" "docker compose build" "pg_dump" "TLS" \
    "OpenAI-compatible" "11434/v1" "openai.azure.com" "kubectl apply -k deploy/kubernetes/overlays/production" \
    "askvideo-secrets" "job/askvideo-migrate" "CloudNativePG" "KEDA"; do
    check "docs/deployment.md covers '$topic'" grep -qF -- "$topic" docs/deployment.md
  done
else
  skip "docs/deployment.md is missing"
fi

# Prometheus scrape configs, alert rules (and their unit tests) and the Grafana dashboard.
# shellcheck source=lib/check-observability.sh
. "$ROOT/scripts/lib/check-observability.sh"

printf '\ncheck-deploy: %d passed, %d failed, %d skipped\n' "$PASSED" "$FAILED" "$SKIPPED"
[ "$FAILED" -eq 0 ]
