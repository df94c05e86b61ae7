# shellcheck shell=bash disable=SC2016 # PromQL and jq programs are single-quoted on purpose
# Sourced by scripts/check-deploy.sh (uses its check/pass/fail/skip/note/section helpers, $ROOT and $TMP):
# the observability files in deploy/.
#   - promtool (Prometheus's own checker, from Debian's prometheus package; scripts/install-deps.sh fetches it into
#     .local/cache/bin): check config of both scrape configs (with the rule files they load), check rules, the
#     alerts' unit tests (test rules alerts.test.yml), and the syntax of every dashboard query;
#   - the Grafana dashboard is valid JSON with the panels operators need;
#   - every metric the alerts and the dashboard query is in deploy/prometheus/metrics.txt, the list of families the
#     app exports (the tests keep that list true to the code and to a real scrape).

section "observability (deploy/prometheus, deploy/grafana)"
OBS_PROM=deploy/prometheus
OBS_DASHBOARD=deploy/grafana/askvideo-dashboard.json
for f in "$OBS_PROM/prometheus.yml" "$OBS_PROM/prometheus-kubernetes.yml" "$OBS_PROM/alerts.yml" "$OBS_PROM/alerts.test.yml" \
  "$OBS_PROM/metrics.txt" "$OBS_DASHBOARD"; do
  check "$f exists" test -s "$f"
done

# Every PromQL expression of the alert rules ("expr:" one-liners and "expr: |" blocks), one per line.
alert_exprs() {
  awk '
    function flush() { if (buf != "") { gsub(/[[:space:]]+/, " ", buf); print buf }; buf = ""; inblock = 0 }
    inblock && ($0 ~ /^[[:space:]]*$/ || match($0, /^[[:space:]]*/) && RLENGTH > indent) { buf = buf " " $0; next }
    inblock { flush() }
    /^[[:space:]]*expr:[[:space:]]*\|[-+]?[[:space:]]*$/ { match($0, /^[[:space:]]*/); indent = RLENGTH; inblock = 1; buf = ""; next }
    /^[[:space:]]*expr:/ { line = $0; sub(/^[[:space:]]*expr:[[:space:]]*/, "", line); buf = line; flush(); next }
    END { flush() }' "$1"
}
dashboard_exprs() { jq -r '[.. | objects | select(has("expr")) | .expr] | .[]' "$OBS_DASHBOARD"; }

PROMTOOL="$(command -v promtool 2>/dev/null || true)"
[ -n "$PROMTOOL" ] || PROMTOOL="$ROOT/.local/cache/bin/promtool"
if [ -x "$PROMTOOL" ]; then
  note "using $("$PROMTOOL" --version 2>&1 | head -n1)"
  check "promtool check config $OBS_PROM/prometheus.yml (with alerts.yml)" "$PROMTOOL" check config "$OBS_PROM/prometheus.yml"
  if "$PROMTOOL" check config "$OBS_PROM/prometheus-kubernetes.yml" > "$TMP/promtool-k8s.out" 2>&1; then
    pass "promtool check config $OBS_PROM/prometheus-kubernetes.yml"
  elif grep -q "field kubernetes_sd_configs not found" "$TMP/promtool-k8s.out"; then
    # Debian builds Prometheus without Kubernetes discovery: check everything else (relabelling, rule files) with
    # the discovery block swapped for an empty static one.
    mkdir -p "$TMP/k8s-prom"
    cp "$OBS_PROM/alerts.yml" "$TMP/k8s-prom/"
    awk '/^[[:space:]]*kubernetes_sd_configs:[[:space:]]*$/ { sub(/kubernetes_sd_configs:/, "static_configs:"); print; getline;
           sub(/- role: pod/, "- targets: []") } { print }' "$OBS_PROM/prometheus-kubernetes.yml" > "$TMP/k8s-prom/prometheus.yml"
    note "this promtool has no Kubernetes discovery (Debian's build): $OBS_PROM/prometheus-kubernetes.yml checked with it replaced by static_configs"
    check "promtool check config $OBS_PROM/prometheus-kubernetes.yml (discovery block aside)" "$PROMTOOL" check config "$TMP/k8s-prom/prometheus.yml"
    check "$OBS_PROM/prometheus-kubernetes.yml discovers pods (kubernetes_sd_configs role: pod)" \
      bash -c "grep -A1 'kubernetes_sd_configs:' '$OBS_PROM/prometheus-kubernetes.yml' | grep -q 'role: pod'"
  else
    fail "promtool check config $OBS_PROM/prometheus-kubernetes.yml:"; sed 's/^/        /' "$TMP/promtool-k8s.out"
  fi
  check "promtool check rules $OBS_PROM/alerts.yml" "$PROMTOOL" check rules "$OBS_PROM/alerts.yml"
  if (cd "$OBS_PROM" && "$PROMTOOL" test rules alerts.test.yml) > "$TMP/promtool-test.out" 2>&1; then
    pass "promtool test rules $OBS_PROM/alerts.test.yml (the alerts fire, and stay quiet, as their unit tests say)"
  else
    fail "promtool test rules $OBS_PROM/alerts.test.yml:"; sed 's/^/        /' "$TMP/promtool-test.out" | head -n 40
  fi
  # The dashboard's queries as recording rules, so promtool parses every one ($__rate_interval as 5m).
  if command -v jq >/dev/null 2>&1; then
    { echo "groups:"; echo "  - name: dashboard"; echo "    rules:"
      n=0
      while IFS= read -r expr; do
        n=$((n + 1))
        printf '      - record: dashboard:query_%d\n        expr: %s\n' "$n" "$(jq -Rn --arg e "${expr//\$__rate_interval/5m}" '$e')"
      done < <(dashboard_exprs); } > "$TMP/dashboard-rules.yml"
    check "every dashboard query is valid PromQL (promtool check rules, $(grep -c 'record:' "$TMP/dashboard-rules.yml") queries)" \
      "$PROMTOOL" check rules "$TMP/dashboard-rules.yml"
  fi
else
  skip "promtool is not installed (scripts/install-deps.sh fetches it from Debian's prometheus package): Prometheus config, rules and rule tests not checked"
fi

for topic in "## 12. Observability" "Observability__MetricsPort" "OTEL_EXPORTER_OTLP_ENDPOINT" "TraceId" \
  "deploy/prometheus/prometheus-kubernetes.yml" "deploy/grafana/askvideo-dashboard.json"; do
  check "docs/deployment.md covers '$topic'" grep -qF -- "$topic" docs/deployment.md
done

if ! command -v jq >/dev/null 2>&1; then
  skip "jq is not installed: the Grafana dashboard and the metric names are not checked"
else
  check "$OBS_DASHBOARD is valid JSON" jq -e . "$OBS_DASHBOARD"
  check "dashboard: a uid and title, panel ids unique, every panel titled, every query on the \${datasource} variable" \
    jq -e '(.uid | length > 0) and (.title | length > 0)
      and ([.panels[].id] | length == (unique | length))
      and all(.panels[]; (.title | length > 0))
      and all(.panels[] | select(.type != "row"); .datasource.uid == "${datasource}" and (.targets | length > 0)
        and all(.targets[]; .datasource.uid == "${datasource}" and (.expr | length > 0)))
      and any(.templating.list[]; .name == "datasource" and .type == "datasource" and .query == "prometheus")' "$OBS_DASHBOARD"
  # The operators' questions each have a panel: request rate, errors, latency, queue, dead letters, jobs, AI.
  for needle in 'http_server_request_duration_seconds_count' 'http_response_status_code=~\"5..\"' \
    'histogram_quantile(0.95, sum by (le, http_route) (rate(http_server_request_duration_seconds_bucket' \
    'askvideo_queue_depth' 'askvideo_queue_dead_letters' \
    'histogram_quantile(0.95, sum by (le, job_type) (rate(askvideo_job_duration_seconds_bucket' 'askvideo_job_failures_total' \
    'askvideo_pipeline_step_duration_seconds_bucket' 'askvideo_ai_request_duration_seconds_bucket' 'askvideo_ai_errors_total' \
    'askvideo_ai_tokens_total'; do
    check "dashboard queries $needle" grep -qF -- "$needle" "$OBS_DASHBOARD"
  done
  for alert in AskVideoApiHighErrorRate AskVideoApiSlowRequests AskVideoQueueBacklog AskVideoQueueStalled AskVideoDeadLetters \
    AskVideoDeadLettersGrowing AskVideoWorkerDown AskVideoNoWorkerWhileJobsWait AskVideoApiDown; do
    check "alerts.yml has $alert" grep -qE "^[[:space:]]*- alert: $alert\$" "$OBS_PROM/alerts.yml"
  done

  # Metric names: every one the alerts and the dashboard query must be a family of metrics.txt (a histogram's
  # _bucket/_sum/_count series included), or Prometheus's own `up`. Label matchers and by/without/on lists are
  # removed first, so label names are never taken for metrics.
  declare -A OBS_TYPE=()
  while read -r name type _; do
    case "$name" in ''|'#'*) continue ;; esac
    OBS_TYPE[$name]="$type"
  done < "$OBS_PROM/metrics.txt"
  check "$OBS_PROM/metrics.txt lists families with a type (counter, gauge, histogram)" \
    bash -c "awk '!/^#/ && NF { if (\$2 !~ /^(counter|gauge|histogram)\$/ || NF != 2) bad = 1 } END { exit bad }' '$OBS_PROM/metrics.txt'"
  { alert_exprs "$OBS_PROM/alerts.yml"; dashboard_exprs; } > "$TMP/obs-exprs.txt"
  check "found the queries of the alerts and the dashboard ($(wc -l < "$TMP/obs-exprs.txt"))" test "$(wc -l < "$TMP/obs-exprs.txt")" -gt 20
  unknown=""
  used=0
  while read -r metric; do
    used=$((used + 1))
    base="$metric"
    case "$metric" in
      *_bucket|*_count|*_sum) [ "${OBS_TYPE[${metric%_*}]:-}" = histogram ] && base="${metric%_*}" ;;
    esac
    if [ "$base" != up ] && [ -z "${OBS_TYPE[$base]:-}" ]; then unknown+=" $metric"; fi
    if [ "${OBS_TYPE[$base]:-}" = histogram ] && [ "$base" = "$metric" ]; then unknown+=" $metric(a histogram: query _bucket/_sum/_count)"; fi
  done < <(sed -E 's/\[[^]]*\]//g; s/\{[^}]*\}//g; s/\b(by|without|on|ignoring|group_left|group_right)[[:space:]]*\([^)]*\)//g; s/"[^"]*"//g' "$TMP/obs-exprs.txt" \
    | grep -oE '\b[a-zA-Z_:][a-zA-Z0-9_:]*\b' \
    | grep -vxE 'sum|max|min|avg|count|rate|irate|increase|delta|histogram_quantile|absent|and|or|unless|on|by|without|offset|bool|topk|bottomk|le|[0-9].*|[smhdwy]|ms' \
    | sort -u)
  if [ -z "$unknown" ]; then pass "the $used metrics the alerts and the dashboard query are all exported (metrics.txt, or up)"
  else fail "queried but not in $OBS_PROM/metrics.txt:$unknown"; fi
fi
