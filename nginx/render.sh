#!/usr/bin/env bash
# Renders an nginx template the way the official nginx image does (envsubst of ${VAR}), but only for the
# variables below, so nginx's own $variables are never touched. Used by the local run; the Docker image
# does the same through /etc/nginx/templates with NGINX_ENVSUBST_FILTER.
set -euo pipefail
template="$1"
content="$(cat "$template")"
for var in NGINX_PORT API_UPSTREAM CLIENT_ROOT MEDIA_ROOT NGINX_MAX_BODY_SIZE NGINX_ACCESS_LOG NGINX_API_RATE NGINX_API_BURST NGINX_API_CONNECTIONS NGINX_UPLOAD_DIR; do
  value="${!var:-}"
  if [ -z "$value" ]; then
    case "$var" in
      NGINX_ACCESS_LOG) value="logs/access.log" ;;
      # The same defaults as nginx/Dockerfile.
      NGINX_API_RATE) value="50r/s" ;;
      NGINX_API_BURST) value="200" ;;
      NGINX_API_CONNECTIONS) value="64" ;;
      *) echo "render.sh: $var is not set" >&2; exit 1 ;;
    esac
  fi
  # API_UPSTREAM may list several host:port (separated by spaces): one `server` line each in the upstream block.
  if [ "$var" = API_UPSTREAM ]; then value="${value// /;$'\n'    server }"; fi
  content="${content//\$\{$var\}/$value}"
done
printf '%s\n' "$content"
