// Static validation of the rendered Kubernetes manifests, offline (scripts/check-deploy.sh runs it on the output of
// `kubectl kustomize` for every overlay):
//   node validate.mjs --root <repository> <overlay>=<rendered.yaml>...
// 1. Schemas. Built-in kinds: kubernetes-models' validators (types, required fields, formats) and its TypeScript
//    declarations, compiled with tsc against every object (unknown or misspelt fields, enums). Custom resources
//    (CloudNativePG, KEDA): the CRD schemas in schemas/ (crd-schemas.mjs), unknown fields included.
// 2. How the objects fit together and with the app: selectors, ports, probes, volumes, ConfigMap and Secret keys,
//    $(VAR) references, images, autoscalers, the Pod Security "restricted" rules, the queue's Redis key names, the
//    worker's shutdown timeout, the fast upload path's shared folder.
// Prints one line per check: "PASS<TAB>text", "FAIL<TAB>text" or "SKIP<TAB>text"; exit status 1 when one failed.
import { readFileSync, readdirSync, writeFileSync, mkdtempSync, rmSync, existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { execFileSync } from "node:child_process";
import { parseAllDocuments } from "yaml";

const here = dirname(fileURLToPath(import.meta.url));
const args = process.argv.slice(2);
let root = join(here, "../../..");
let selfTest = false;
let nginxEnvFile = null;
const overlays = [];
for (let i = 0; i < args.length; i++) {
  if (args[i] === "--root") root = args[++i];
  else if (args[i] === "--self-test") selfTest = true;
  else if (args[i] === "--nginx-env") nginxEnvFile = args[++i];
  else {
    const eq = args[i].indexOf("=");
    overlays.push({ name: args[i].slice(0, eq), file: args[i].slice(eq + 1) });
  }
}

let failed = 0;
const pass = (text) => console.log(`PASS\t${text}`);
const fail = (text) => { failed++; console.log(`FAIL\t${text}`); };
const skip = (text) => console.log(`SKIP\t${text}`);
/** One check of an overlay: a list of problems (empty = pass). A mutant (--self-test) only collects them. */
const check = (o, text, problems) => {
  if (o.mutant) { o.found.push(...problems); return; }
  if (problems.length === 0) pass(text);
  else fail(`${text}: ${problems.slice(0, 6).join("; ")}${problems.length > 6 ? ` (+${problems.length - 6} more)` : ""}`);
};

// ---------------------------------------------------------------------------------------------------------------
// What the repository says (the app's own names, so a rename in the code fails here).
const read = (path) => readFileSync(join(root, path), "utf8");
const envExample = read(".env.example");
const documentedSettings = new Set([...envExample.matchAll(/^#? ?([A-Za-z_][A-Za-z0-9_]*)=/gm)].map((m) => m[1]));
const secretsExample = read("deploy/kubernetes/secrets.example.env");
const documentedSecretKeys = new Set([...secretsExample.matchAll(/^#? ?([A-Za-z_][A-Za-z0-9_]*)=/gm)].map((m) => m[1]));
const queueSource = read("src/Infrastructure/Queue/RedisJobQueue.cs");
const queueSuffix = (name) => queueSource.match(new RegExp(`${name}Key => _prefix \\+ "([^"]+)"`))?.[1];
const pendingSuffix = queueSuffix("Pending");
const processingSuffix = queueSuffix("Processing");
const shutdownSeconds = Number(read("src/Worker/Program.cs").match(/ShutdownTimeout = TimeSpan\.FromSeconds\((\d+)\)/)?.[1]);
const systemEndpoints = read("src/Api/Endpoints/SystemEndpoints.cs");
const composeRedisImage = read("docker-compose.yml").match(/^ {2}redis:\n(?: {4}.*\n)*? {4}image: (\S+)/m)?.[1];
// The settings docker-compose.yml gives the app (x-app-env) and the api service on top of it. On Kubernetes each
// must be set too, but for the ones the cluster makes moot (said here, with the reason).
const composeText = read("docker-compose.yml");
const composeAppEnv = [...(composeText.match(/^x-app-env: &app-env\n((?: {2}.*\n|\s*\n)*?)(?=\S)/m)?.[1] ?? "").matchAll(/^ {2}([A-Za-z_][A-Za-z0-9_]*):/gm)].map((m) => m[1]);
const composeApiEnv = [...(composeText.match(/^ {2}api:\n(?: {4}.*\n)*? {4}environment:\n((?: {6}.*\n)+)/m)?.[1] ?? "").matchAll(/^ {6}([A-Za-z_][A-Za-z0-9_]*):/gm)].map((m) => m[1]);
const mootOnKubernetes = {
  ForwardedHeaders__KnownNetworks__0: "nginx reaches the API over loopback in its pod, which the API always trusts",
  Storage__LocalRoot: "media are on S3",
};
const apiUrls = read("Dockerfile").match(/ASPNETCORE_URLS=http:\/\/\+:(\d+)/)?.[1];
// The nginx template's placeholders (nginx/render.sh) and the image's defaults for them (nginx/Dockerfile ENV).
const placeholders = read("nginx/render.sh").match(/^for var in (.*); do$/m)?.[1].split(" ") ?? [];
const nginxDefaults = Object.fromEntries([...read("nginx/Dockerfile").replace(/\\\n/g, " ").matchAll(/^ENV (.*)$/gm)]
  .flatMap((m) => [...m[1].matchAll(/([A-Z_]+)=("[^"]*"|\S+)/g)].map((x) => [x[1], x[2].replace(/^"|"$/g, "")])));
// KEDA's redis scaler (pkg/scalers/redis_scaler.go): the metadata keys it reads.
const redisTriggerKeys = new Set(["address", "addresses", "host", "hosts", "port", "ports", "username", "listName",
  "listLength", "activationListLength", "databaseIndex", "enableTLS", "unsafeSsl", "addressFromEnv", "hostFromEnv",
  "portFromEnv", "usernameFromEnv", "passwordFromEnv"]);
// Names in the ConfigMap that are not app settings: parts of the connection strings, the nginx sidecar's limits and
// the hosting environment.
const helperNames = /^(DB_(HOST|PORT|NAME|USER|OPTIONS)|REDIS_(ADDRESS|OPTIONS)|NGINX_API_(RATE|BURST|CONNECTIONS)|ASPNETCORE_ENVIRONMENT|DOTNET_ENVIRONMENT)$/;
const repoImages = ["askvideo/api", "askvideo/worker", "askvideo/nginx"];

// ---------------------------------------------------------------------------------------------------------------
// Schemas of the custom resources.
const crdSchemas = new Map();
for (const file of readdirSync(join(here, "schemas"))) {
  const s = JSON.parse(readFileSync(join(here, "schemas", file), "utf8"));
  crdSchemas.set(`${s.apiVersion}/${s.kind}`, s);
}

const typeOf = (v) => (v === null ? "null" : Array.isArray(v) ? "array" : Number.isInteger(v) ? "integer" : typeof v);
/** Checks a value against a CRD's structural OpenAPI v3 schema, unknown fields included (the API server's strict
 *  field validation). CEL rules (x-kubernetes-validations) are not evaluated. */
function crdValidate(value, schema, path, problems) {
  if (!schema) return;
  if (schema["x-kubernetes-int-or-string"]) {
    if (!["integer", "string"].includes(typeOf(value))) problems.push(`${path}: must be an integer or a string`);
    return;
  }
  if (value === null && schema.nullable) return;
  const t = typeOf(value);
  const want = schema.type;
  if (want) {
    const ok = want === t || (want === "number" && t === "integer");
    if (!ok) { problems.push(`${path}: must be ${want} (is ${t})`); return; }
  }
  if (schema.enum && !schema.enum.includes(value)) problems.push(`${path}: must be one of ${schema.enum.join(", ")}`);
  if (t === "string") {
    if (schema.minLength !== undefined && value.length < schema.minLength) problems.push(`${path}: shorter than ${schema.minLength}`);
    if (schema.maxLength !== undefined && value.length > schema.maxLength) problems.push(`${path}: longer than ${schema.maxLength}`);
    if (schema.pattern) {
      let re = null;
      try { re = new RegExp(schema.pattern, "u"); } catch { /* a Go-only pattern: not checked */ }
      if (re && !re.test(value)) problems.push(`${path}: does not match ${schema.pattern}`);
    }
  }
  if (t === "integer" || t === "number") {
    if (schema.minimum !== undefined && value < schema.minimum) problems.push(`${path}: below ${schema.minimum}`);
    if (schema.maximum !== undefined && value > schema.maximum) problems.push(`${path}: above ${schema.maximum}`);
  }
  if (t === "array" && schema.items) value.forEach((item, i) => crdValidate(item, schema.items, `${path}[${i}]`, problems));
  if (t === "object") {
    for (const r of schema.required ?? []) if (!(r in value)) problems.push(`${path}.${r}: required`);
    const props = schema.properties ?? {};
    for (const [k, v] of Object.entries(value)) {
      if (k in props) crdValidate(v, props[k], `${path}.${k}`, problems);
      else if (typeof schema.additionalProperties === "object") crdValidate(v, schema.additionalProperties, `${path}.${k}`, problems);
      else if (schema.properties && !schema["x-kubernetes-preserve-unknown-fields"] && schema.additionalProperties !== true)
        problems.push(`${path}.${k}: unknown field`);
    }
  }
  for (const [word, all] of [["anyOf", false], ["oneOf", false], ["allOf", true]]) {
    if (!schema[word]) continue;
    const results = schema[word].map((s) => { const p = []; crdValidate(value, { ...s, type: s.type }, path, p); return p; });
    const okCount = results.filter((p) => p.length === 0).length;
    if (all ? okCount !== results.length : okCount === 0) problems.push(`${path}: does not satisfy ${word}`);
  }
}

// Built-in kinds: kubernetes-models' module for an apiVersion/kind, if it has one.
const modelPath = (apiVersion, kind) => {
  const [group, version] = apiVersion.includes("/") ? apiVersion.split("/") : [null, apiVersion];
  const rel = group ? `${group}/${version}/${kind}` : `${version}/${kind}`;
  return existsSync(join(here, "node_modules/kubernetes-models", `${rel}.js`)) ? `kubernetes-models/${rel}` : null;
};

// Serialises an object as a TypeScript literal, one property per line, remembering which path each line holds, so
// tsc's line numbers point back at a field.
function tsLiteral(value, path) {
  const out = [];
  const walk = (v, p, indent, prefix, suffix) => {
    const pad = "  ".repeat(indent);
    if (Array.isArray(v) && v.length > 0) {
      out.push({ text: `${pad}${prefix}[`, path: p });
      v.forEach((x, i) => walk(x, `${p}[${i}]`, indent + 1, "", ","));
      out.push({ text: `${pad}]${suffix}`, path: p });
    } else if (v !== null && typeof v === "object" && !Array.isArray(v) && Object.keys(v).length > 0) {
      out.push({ text: `${pad}${prefix}{`, path: p });
      for (const [k, x] of Object.entries(v)) walk(x, `${p}.${k}`, indent + 1, `${JSON.stringify(k)}: `, ",");
      out.push({ text: `${pad}}${suffix}`, path: p });
    } else {
      out.push({ text: `${pad}${prefix}${JSON.stringify(v)}${suffix}`, path: p });
    }
  };
  walk(value, path, 0, "", "");
  return out;
}

// ---------------------------------------------------------------------------------------------------------------
// Load every overlay.
for (const o of overlays) {
  o.objects = [];
  for (const doc of parseAllDocuments(readFileSync(o.file, "utf8"))) {
    if (doc.errors.length) { fail(`${o.name}: YAML: ${doc.errors[0].message}`); continue; }
    const obj = doc.toJS();
    if (obj) o.objects.push(obj);
  }
  pass(`${o.name}: rendered ${o.objects.length} objects`);
}
const id = (obj) => `${obj.kind}/${obj.metadata?.name}`;

// --self-test: each mutant is a real overlay with one mistake; the checks below must catch every one.
const find = (objs, kind, name) => objs.find((x) => x.kind === kind && (name === undefined || x.metadata?.name === name));
const podSpec = (objs, name) => find(objs, "Deployment", name).spec.template.spec;
const container = (objs, name, c) => podSpec(objs, name).containers.find((x) => x.name === c);
const configData = (objs) => objs.find((x) => x.kind === "ConfigMap" && x.metadata.name.startsWith("askvideo-config")).data;
const mutations = [
  ["a misspelt field of a container", "production", true, (o) => { container(o, "askvideo-api", "api").imagePullPolcy = "Always"; }, /imagePullPolcy/],
  ["a value outside an enum (Service type)", "production", true, (o) => { find(o, "Service", "askvideo-web").spec.type = "ClusterIp"; }, /ClusterIp|type/],
  ["a string where an integer belongs", "production", false, (o) => { container(o, "askvideo-api", "nginx").ports[0].containerPort = "8000"; }, /must be integer/],
  ["an unknown field of a custom resource", "production", false, (o) => { find(o, "ScaledObject").spec.minReplicas = 1; }, /minReplicas: unknown field/],
  ["a KEDA list that is not the app's queue", "production", false, (o) => { find(o, "ScaledObject").spec.triggers[0].metadata.listName = "avq:pending"; }, /not a queue list|does not watch/],
  ["a KEDA target that is not Queue__Concurrency", "production", false, (o) => { find(o, "ScaledObject").spec.advanced.scalingModifiers.target = "5"; }, /Queue__Concurrency/],
  ["a worker without a readiness probe", "production", false, (o) => { delete container(o, "askvideo-worker", "worker").readinessProbe; }, /no readinessProbe/],
  ["a container without requests", "no-operators", false, (o) => { delete container(o, "askvideo-api", "nginx").resources.requests; }, /no cpu\/memory requests/],
  ["a grace period under the worker's shutdown timeout", "production", false, (o) => { podSpec(o, "askvideo-worker").terminationGracePeriodSeconds = 30; }, /terminationGracePeriodSeconds/],
  ["a Service port that no container has", "production", false, (o) => { find(o, "Service", "askvideo-web").spec.ports[0].targetPort = "htp"; }, /not a container port/],
  ["an undefined $(VAR)", "production", false, (o) => { container(o, "askvideo-worker", "worker").env.find((e) => e.name === "Redis__Configuration").value = "$(REDIS_ADDR)"; }, /REDIS_ADDR\), defined nowhere/],
  ["a ConfigMap key that is missing", "no-operators", false, (o) => { delete configData(o).NGINX_API_RATE; }, /key NGINX_API_RATE: missing/],
  ["an undocumented Secret key", "production", false, (o) => { container(o, "askvideo-api", "api").env.find((e) => e.name === "REDIS_PASSWORD").valueFrom.secretKeyRef.key = "REDIS_PASS"; }, /REDIS_PASS: neither/],
  ["a misspelt app setting", "production", false, (o) => { configData(o).App__PublicURL = "https://x"; }, /App__PublicURL is not a setting/],
  ["a replicas count beside an autoscaler", "no-operators", false, (o) => { find(o, "Deployment", "askvideo-worker").spec.replicas = 2; }, /sets replicas/],
  ["two autoscalers on the worker", "production", false, (o) => { o.push({ ...structuredClone(find(o, "HorizontalPodAutoscaler", "askvideo-api")), metadata: { name: "extra", namespace: "askvideo" }, spec: { ...find(o, "HorizontalPodAutoscaler", "askvideo-api").spec, scaleTargetRef: { apiVersion: "apps/v1", kind: "Deployment", name: "askvideo-worker" } } }); }, /2 autoscalers/],
  ["local storage", "production", false, (o) => { configData(o).Storage__Provider = "local"; }, /only through S3/],
  ["the upload folder not shared with nginx", "production", false, (o) => { container(o, "askvideo-api", "api").env.find((e) => e.name === "Uploads__ProxyBodyDirectory").value = "/tmp/uploads"; }, /NGINX_UPLOAD_DIR/],
  ["nginx pointing at another port than the API's", "production", false, (o) => { container(o, "askvideo-api", "nginx").env.find((e) => e.name === "API_UPSTREAM").value = "127.0.0.1:5000"; }, /API_UPSTREAM/],
  ["privilege escalation", "production", false, (o) => { container(o, "askvideo-worker", "worker").securityContext.allowPrivilegeEscalation = true; }, /allowPrivilegeEscalation/],
  ["a writable root filesystem", "no-operators", false, (o) => { container(o, "askvideo-api", "nginx").securityContext.readOnlyRootFilesystem = false; }, /not read-only/],
  ["an object outside the namespace", "production", false, (o) => { delete find(o, "ScaledObject").metadata.namespace; }, /no namespace|in undefined/],
  ["two image tags", "production", false, (o) => { container(o, "askvideo-worker", "worker").image = "registry.example.com/askvideo/worker:0.9.0"; }, /several tags/],
  ["a CloudNativePG image without pgvector", "production", false, (o) => { find(o, "Cluster").spec.imageName = "ghcr.io/cloudnative-pg/postgresql:17-minimal-trixie"; }, /standard/],
  ["DB_HOST not the Cluster's primary", "production", false, (o) => { configData(o).DB_HOST = "askvideo-db-ro"; }, /DB_HOST/],
  ["an Ingress host that is not App__PublicUrl's", "production", false, (o) => { find(o, "Ingress").spec.rules[0].host = "other.example.com"; }, /Ingress host/],
  ["one app container with another connection string", "production", false, (o) => { podSpec(o, "askvideo-api").initContainers[0].env.find((e) => e.name === "ConnectionStrings__Postgres").value = "Host=$(DB_HOST)"; }, /differ from/],
  ["a scrape annotation on another port than the metrics", "production", false, (o) => { find(o, "Deployment", "askvideo-worker").spec.template.metadata.annotations["prometheus.io/port"] = "9465"; }, /prometheus\.io\/port 9465/],
  ["a setting docker-compose.yml gives the API left out", "production", false, (o) => { delete configData(o).Email__Provider; }, /Email__Provider \(set for the api by docker-compose\.yml\)/],
  ["no migrate init container", "production", false, (o) => { podSpec(o, "askvideo-worker").initContainers = []; }, /no migrate init container/],
];
if (selfTest) {
  for (const [what, base, tsc, mutate, expect] of mutations) {
    const real = overlays.find((o) => o.name === base && !o.mutant);
    if (!real) { fail(`self-test: overlay ${base} was not given`); continue; }
    const objects = structuredClone(real.objects);
    mutate(objects);
    overlays.push({ name: `${base}~${overlays.length}`, mutant: true, what, tsc, expect, objects, found: [], file: real.file, base });
  }
}

// 1a. kubernetes-models validators and the CRD schemas.
const tsObjects = [];
for (const o of overlays) {
  const problems = [];
  let builtIn = 0, custom = 0;
  for (const obj of o.objects) {
    const key = `${obj.apiVersion}/${obj.kind}`;
    const mod = modelPath(obj.apiVersion, obj.kind);
    if (mod) {
      builtIn++;
      const Model = (await import(mod))[obj.kind];
      try { new Model(obj).validate(); } catch (e) {
        const errs = e.errors ?? [{ instancePath: "", message: e.message }];
        for (const err of errs.slice(0, 3)) problems.push(`${id(obj)}${err.instancePath}: ${err.message}`);
      }
      if (!o.mutant || o.tsc) tsObjects.push({ overlay: o.name, obj, mod });
    } else if (crdSchemas.has(key)) {
      custom++;
      const s = crdSchemas.get(key);
      const p = [];
      crdValidate(obj, s.schema, id(obj), p);
      if (s.scope === "Namespaced" && !obj.metadata?.namespace) p.push(`${id(obj)}: no namespace`);
      problems.push(...p.map((x) => `${x} (${s.source})`));
    } else {
      problems.push(`${id(obj)}: no schema for ${key} (add its CRD with crd-schemas.mjs)`);
    }
  }
  check(o, `${o.name}: ${builtIn} built-in objects pass kubernetes-models' validation, ${custom} custom resources their CRD schema`, problems);
}

// 1b. tsc: excess (unknown) properties, enums and types against kubernetes-models' declarations.
{
  const dir = mkdtempSync(join(here, ".tsc-"));
  try {
    const lines = [];
    const imports = new Map();
    tsObjects.forEach(({ overlay, obj, mod }, i) => {
      if (!imports.has(mod)) imports.set(mod, `T${imports.size}`);
      const lit = tsLiteral(obj, `${overlay}:${id(obj)}`);
      lit[0].text = `export const o${i}: ${imports.get(mod)} = ${lit[0].text}`;
      lit[lit.length - 1].text += ";";
      lines.push(...lit);
    });
    const header = [...imports].map(([mod, alias]) => ({ text: `import type { I${mod.split("/").pop()} as ${alias} } from "${mod}";`, path: "" }));
    const all = [...header, ...lines];
    writeFileSync(join(dir, "manifests.ts"), all.map((l) => l.text).join("\n") + "\n");
    const tsc = join(here, "node_modules/typescript/bin/tsc");
    let output = "";
    try {
      execFileSync(process.execPath, [tsc, "--noEmit", "--strict", "--skipLibCheck", "--module", "nodenext",
        "--moduleResolution", "nodenext", "--target", "es2022", join(dir, "manifests.ts")],
        { cwd: here, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
    } catch (e) { output = `${e.stdout ?? ""}${e.stderr ?? ""}`; }
    const problems = new Map(overlays.map((o) => [o.name, []]));
    let unplaced = output.trim() ? [output.trim().split("\n")[0]] : [];
    for (const m of output.matchAll(/manifests\.ts\((\d+),\d+\): error TS\d+: (.*)/g)) {
      const path = all[Number(m[1]) - 1]?.path ?? "?";
      problems.get(path.slice(0, path.indexOf(":")))?.push(`${path.slice(path.indexOf(":") + 1)}: ${m[2]}`);
      unplaced = [];
    }
    for (const o of overlays) {
      check(o, `${o.name}: every built-in object type-checks against kubernetes-models' declarations (tsc: no unknown field, enums)`, [...unplaced, ...problems.get(o.name)]);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

// ---------------------------------------------------------------------------------------------------------------
// 2. How the objects fit together, per overlay.
const podOf = (obj) => obj.kind === "CronJob" ? obj.spec?.jobTemplate?.spec?.template : obj.spec?.template;
const matches = (selector, labels) => Object.entries(selector ?? {}).every(([k, v]) => labels?.[k] === v);
const quantity = (q) => q !== undefined && q !== null && String(q).length > 0;
const allContainers = (pod) => [...(pod?.spec?.initContainers ?? []).map((c) => ({ c, init: true })),
  ...(pod?.spec?.containers ?? []).map((c) => ({ c, init: false }))];
const envValue = (c, name) => c.env?.find((e) => e.name === name);
let nginxEnvWritten = false;

for (const o of overlays) {
  const objs = o.objects;
  const by = (kind) => objs.filter((x) => x.kind === kind);
  const named = (kind, name) => objs.find((x) => x.kind === kind && x.metadata?.name === name);
  const workloads = objs.filter((x) => ["Deployment", "StatefulSet", "Job", "CronJob", "DaemonSet"].includes(x.kind));
  const configMaps = by("ConfigMap");
  const namespaceObjs = by("Namespace");
  const ns = namespaceObjs[0]?.metadata?.name;
  // The ConfigMap that holds the app's settings: the one the app containers read with envFrom.
  const appConfig = configMaps.find((c) => c.metadata.name.startsWith("askvideo-config"));
  const config = appConfig?.data ?? {};
  const clusters = by("Cluster");
  // Secrets that exist without being rendered: askvideo-secrets (secrets.example.env), the one CloudNativePG creates
  // for each Cluster (<name>-app), or one the docs tell the operator to create.
  const secretKeys = (name) => {
    if (name === "askvideo-secrets") return documentedSecretKeys;
    if (clusters.some((c) => `${c.metadata.name}-app` === name)) return new Set(["username", "user", "password", "dbname", "host", "port", "uri", "jdbc-uri", "pgpass", "fqdn-uri", "fqdn-jdbc-uri"]);
    const doc = read(`deploy/kubernetes/overlays/${o.base ?? o.name}/kustomization.yaml`) + secretsExample;
    const m = doc.match(new RegExp(`create secret generic ${name} ((?:--from-literal=[A-Za-z0-9_.-]+=\\S*\\s*)+)`));
    return m ? new Set([...m[1].matchAll(/--from-literal=([A-Za-z0-9_.-]+)=/g)].map((x) => x[1])) : null;
  };

  // Namespace and the restricted Pod Security Standard.
  check(o, `${o.name}: one Namespace, with the restricted Pod Security Standard enforced, holds every namespaced object`, [
    ...(namespaceObjs.length === 1 ? [] : [`${namespaceObjs.length} Namespace objects`]),
    ...(namespaceObjs[0]?.metadata?.labels?.["pod-security.kubernetes.io/enforce"] === "restricted" ? [] : ["not enforced"]),
    ...objs.filter((x) => x.kind !== "Namespace" && x.metadata?.namespace !== ns).map((x) => `${id(x)} in ${x.metadata?.namespace}`),
  ]);
  {
    const problems = [];
    for (const w of workloads) {
      const pod = podOf(w);
      const ps = pod?.spec ?? {};
      if (ps.hostNetwork || ps.hostPID || ps.hostIPC) problems.push(`${id(w)}: host namespaces`);
      if ((ps.volumes ?? []).some((v) => v.hostPath)) problems.push(`${id(w)}: hostPath volume`);
      if (ps.securityContext?.runAsNonRoot !== true) problems.push(`${id(w)}: runAsNonRoot is not true`);
      if (ps.securityContext?.runAsUser === 0) problems.push(`${id(w)}: runAsUser 0`);
      for (const { c } of allContainers(pod)) {
        const sc = c.securityContext ?? {};
        const where = `${id(w)}/${c.name}`;
        if ((sc.seccompProfile?.type ?? ps.securityContext?.seccompProfile?.type) !== "RuntimeDefault") problems.push(`${where}: seccomp not RuntimeDefault`);
        if (sc.allowPrivilegeEscalation !== false) problems.push(`${where}: allowPrivilegeEscalation not false`);
        if (sc.privileged) problems.push(`${where}: privileged`);
        if (!(sc.capabilities?.drop ?? []).includes("ALL")) problems.push(`${where}: capabilities not dropped (ALL)`);
        if ((sc.capabilities?.add ?? []).some((x) => x !== "NET_BIND_SERVICE")) problems.push(`${where}: adds capabilities`);
        if (sc.readOnlyRootFilesystem !== true) problems.push(`${where}: root filesystem not read-only`);
        if (sc.runAsUser === 0) problems.push(`${where}: runAsUser 0`);
      }
      if (ps.automountServiceAccountToken !== false) problems.push(`${id(w)}: mounts a service account token`);
    }
    check(o, `${o.name}: every pod meets the restricted Pod Security Standard, with a read-only root filesystem and no API token`, problems);
  }

  // Resources and probes.
  {
    const problems = [];
    for (const w of workloads) {
      for (const { c, init } of allContainers(podOf(w))) {
        const r = c.resources ?? {};
        const where = `${id(w)}/${c.name}`;
        if (!quantity(r.requests?.cpu) || !quantity(r.requests?.memory)) problems.push(`${where}: no cpu/memory requests`);
        if (!quantity(r.limits?.memory)) problems.push(`${where}: no memory limit`);
        if (!init && ["Deployment", "StatefulSet", "DaemonSet"].includes(w.kind)) {
          if (!c.readinessProbe) problems.push(`${where}: no readinessProbe`);
          if (!c.livenessProbe) problems.push(`${where}: no livenessProbe`);
        }
        for (const probe of [c.readinessProbe, c.livenessProbe, c.startupProbe].filter(Boolean)) {
          const port = probe.httpGet?.port ?? probe.tcpSocket?.port;
          if (port !== undefined && !(c.ports ?? []).some((p) => p.name === port || p.containerPort === port))
            problems.push(`${where}: probe port ${port} is not a port of the container`);
        }
      }
    }
    check(o, `${o.name}: every container has cpu/memory requests and a memory limit; every long-running one readiness and liveness probes on its own ports`, problems);
  }

  // Selectors, Services, Ingress, PDBs.
  {
    const problems = [];
    for (const w of workloads.filter((x) => x.spec?.selector)) {
      if (!matches(w.spec.selector.matchLabels, podOf(w)?.metadata?.labels)) problems.push(`${id(w)}: selector does not match its pod labels`);
    }
    for (const s of by("Service")) {
      const targets = workloads.filter((w) => matches(s.spec.selector, podOf(w)?.metadata?.labels) && Object.keys(s.spec.selector ?? {}).length);
      if (targets.length === 0) { problems.push(`${id(s)}: selects no pods`); continue; }
      for (const p of s.spec.ports ?? []) {
        const tp = p.targetPort ?? p.port;
        for (const w of targets) {
          const ok = (podOf(w).spec.containers ?? []).some((c) => (c.ports ?? []).some((cp) => cp.name === tp || cp.containerPort === tp));
          if (!ok) problems.push(`${id(s)}: port ${p.name ?? p.port} -> ${tp} is not a container port of ${id(w)}`);
        }
      }
    }
    for (const ing of by("Ingress")) {
      for (const rule of ing.spec.rules ?? []) {
        for (const path of rule.http?.paths ?? []) {
          const svc = named("Service", path.backend?.service?.name);
          const port = path.backend?.service?.port;
          if (!svc) problems.push(`${id(ing)}: backend Service ${path.backend?.service?.name} does not exist`);
          else if (!(svc.spec.ports ?? []).some((p) => p.name === port?.name || p.port === port?.number)) problems.push(`${id(ing)}: backend port is not a port of ${id(svc)}`);
        }
      }
    }
    for (const pdb of by("PodDisruptionBudget")) {
      if (!workloads.some((w) => matches(pdb.spec.selector?.matchLabels, podOf(w)?.metadata?.labels))) problems.push(`${id(pdb)}: selects no pods`);
    }
    for (const w of workloads) {
      const pod = podOf(w);
      const volumes = new Set((pod?.spec?.volumes ?? []).map((v) => v.name));
      const claims = new Set((w.spec?.volumeClaimTemplates ?? []).map((v) => v.metadata.name));
      const used = new Set();
      for (const { c } of allContainers(pod)) {
        for (const m of c.volumeMounts ?? []) {
          used.add(m.name);
          if (!volumes.has(m.name) && !claims.has(m.name)) problems.push(`${id(w)}/${c.name}: mounts unknown volume ${m.name}`);
        }
      }
      for (const v of volumes) if (!used.has(v)) problems.push(`${id(w)}: volume ${v} is never mounted`);
      for (const v of pod?.spec?.volumes ?? []) {
        if (v.configMap && !configMaps.some((c) => c.metadata.name === v.configMap.name)) problems.push(`${id(w)}: volume ${v.name} names a missing ConfigMap`);
      }
      const sa = pod?.spec?.serviceAccountName;
      if (sa && !named("ServiceAccount", sa)) problems.push(`${id(w)}: ServiceAccount ${sa} does not exist`);
    }
    check(o, `${o.name}: selectors match pod labels; Services, the Ingress and PDBs reach existing pods and ports; volumes and ServiceAccounts exist`, problems);
  }

  // ConfigMap/Secret references and $(VAR) expansion.
  {
    const problems = [];
    for (const w of workloads) {
      for (const { c } of allContainers(podOf(w))) {
        const where = `${id(w)}/${c.name}`;
        const defined = new Set();
        for (const ef of c.envFrom ?? []) {
          if (ef.configMapRef) {
            const cm = configMaps.find((x) => x.metadata.name === ef.configMapRef.name);
            if (!cm) problems.push(`${where}: envFrom ConfigMap ${ef.configMapRef.name} does not exist`);
            else Object.keys(cm.data ?? {}).forEach((k) => defined.add(k));
          }
          if (ef.secretRef) {
            const keys = secretKeys(ef.secretRef.name);
            if (!keys && !ef.secretRef.optional) problems.push(`${where}: envFrom Secret ${ef.secretRef.name} is neither rendered nor documented`);
            else keys?.forEach((k) => defined.add(k));
          }
        }
        const refs = (text) => [...String(text).matchAll(/\$\(([A-Za-z_][A-Za-z0-9_]*)\)/g)].map((m) => m[1]);
        for (const e of c.env ?? []) {
          const cmRef = e.valueFrom?.configMapKeyRef;
          const secRef = e.valueFrom?.secretKeyRef;
          if (cmRef) {
            const cm = configMaps.find((x) => x.metadata.name === cmRef.name);
            if (!cm?.data || !(cmRef.key in cm.data)) { if (!cmRef.optional) problems.push(`${where}: ${e.name} <- ConfigMap ${cmRef.name} key ${cmRef.key}: missing`); }
          }
          if (secRef) {
            const keys = secretKeys(secRef.name);
            if ((!keys || !keys.has(secRef.key)) && !secRef.optional) problems.push(`${where}: ${e.name} <- Secret ${secRef.name} key ${secRef.key}: neither created by an operator nor documented`);
          }
          for (const r of refs(e.value ?? "")) if (!defined.has(r)) problems.push(`${where}: ${e.name} uses $(${r}), defined nowhere before it`);
          defined.add(e.name);
        }
        for (const a of [...(c.command ?? []), ...(c.args ?? [])]) {
          for (const r of refs(a)) if (!defined.has(r)) problems.push(`${where}: argument uses $(${r}), which is not defined`);
        }
      }
    }
    check(o, `${o.name}: every ConfigMap and Secret key the pods read exists (Secrets: created by an operator or documented in secrets.example.env), every $(VAR) is defined before use`, problems);
  }

  // The app's settings.
  {
    const problems = [];
    const appContainers = workloads.flatMap((w) => allContainers(podOf(w)).map(({ c }) => ({ w, c })))
      .filter(({ c }) => repoImages.slice(0, 2).some((img) => c.image?.includes(img)));
    for (const k of Object.keys(config)) {
      if (!helperNames.test(k) && !documentedSettings.has(k)) problems.push(`ConfigMap key ${k} is not a setting documented in .env.example`);
    }
    for (const { w, c } of appContainers) {
      for (const e of c.env ?? []) {
        if (e.name.includes("__") && !documentedSettings.has(e.name)) problems.push(`${id(w)}/${c.name}: ${e.name} is not documented in .env.example`);
      }
      const names = new Set([...(c.env ?? []).map((e) => e.name), ...Object.keys(config), ...documentedSecretKeys]);
      for (const required of ["ConnectionStrings__Postgres", "Redis__Configuration", "Auth__JwtSigningKey",
        "Security__EncryptionKeys__0__Id", "Security__EncryptionKeys__0__Key"]) {
        if (!names.has(required)) problems.push(`${id(w)}/${c.name}: ${required} is not set`);
      }
      const envFromNames = (c.envFrom ?? []).map((x) => x.configMapRef?.name ?? x.secretRef?.name);
      if (!envFromNames.includes(appConfig?.metadata?.name) || !envFromNames.includes("askvideo-secrets"))
        problems.push(`${id(w)}/${c.name}: does not read the app ConfigMap and askvideo-secrets`);
    }
    // The connection environment is written out in every app container (kustomize cannot share an env list):
    // all of them must carry the same one.
    const shared = ["REDIS_PASSWORD", "Redis__Configuration", "DB_PASSWORD", "ConnectionStrings__Postgres"];
    const signature = (c) => JSON.stringify(shared.map((n) => envValue(c, n) ?? null));
    const first = appContainers[0];
    for (const { w, c } of appContainers.slice(1)) {
      if (signature(c) !== signature(first.c)) problems.push(`${id(w)}/${c.name}: its ${shared.join("/")} differ from ${id(first.w)}/${first.c.name}'s`);
    }
    const apiContainer = appContainers.find(({ w, c }) => w.metadata.name === "askvideo-api" && c.name === "api")?.c;
    if (composeAppEnv.length < 5 || composeApiEnv.length < 2) problems.push("docker-compose.yml's x-app-env or api environment not found");
    for (const k of [...composeAppEnv, ...composeApiEnv]) {
      if (k in mootOnKubernetes) continue;
      if (!(k in config) && !envValue(apiContainer ?? {}, k) && !documentedSecretKeys.has(k)) problems.push(`${k} (set for the api by docker-compose.yml) is not set for the API pod`);
    }
    if (config.Storage__Provider !== "s3") problems.push(`Storage__Provider is ${config.Storage__Provider ?? "unset"}: pods share media only through S3`);
    if (!config.Storage__S3__Bucket) problems.push("Storage__S3__Bucket is not set");
    for (const k of documentedSecretKeys) {
      if (config[k] !== undefined && /Key$|Password$|SecretKey$|ApiKey$/.test(k)) problems.push(`secret ${k} is in the ConfigMap`);
    }
    check(o, `${o.name}: the app containers get every required setting, S3 storage, secrets only from Secrets, and only settings .env.example documents`, problems);
  }

  // Images.
  {
    const problems = [];
    const images = workloads.flatMap((w) => allContainers(podOf(w)).map(({ c }) => c.image));
    const ours = images.filter((img) => repoImages.some((r) => img.includes(r)));
    const split = (img) => { const at = img.lastIndexOf(":"); return at > img.lastIndexOf("/") ? [img.slice(0, at), img.slice(at + 1)] : [img, ""]; };
    const tags = new Set(ours.map((img) => split(img)[1]));
    const registries = new Set(ours.map((img) => split(img)[0].replace(/askvideo\/(api|worker|nginx)$/, "")));
    if (tags.size !== 1) problems.push(`the images built here have several tags: ${[...tags].join(", ")}`);
    if (registries.size !== 1) problems.push(`the images built here come from several registries: ${[...registries].join(", ")}`);
    if (o.name !== "base" && (tags.has("latest") || tags.has(""))) problems.push("an overlay must pin a release tag, not latest");
    for (const r of repoImages) if (!ours.some((img) => split(img)[0].endsWith(r))) problems.push(`no container runs ${r}`);
    const redis = images.filter((img) => img.startsWith("redis:"));
    if (redis.length && composeRedisImage && redis.some((img) => img !== composeRedisImage)) problems.push(`Redis ${redis[0]} differs from docker-compose.yml's ${composeRedisImage}`);
    check(o, `${o.name}: api, worker and nginx images come from one registry with one release tag; Redis matches docker-compose.yml`, problems);
  }

  // The API pod: probes, nginx sidecar, the fast upload path.
  {
    const problems = [];
    const api = named("Deployment", "askvideo-api");
    const pod = api ? podOf(api) : null;
    const apiC = pod?.spec?.containers?.find((c) => c.image?.includes("askvideo/api"));
    const nginx = pod?.spec?.containers?.find((c) => c.image?.includes("askvideo/nginx"));
    if (!apiC || !nginx) problems.push("Deployment askvideo-api must run the API and nginx containers together");
    else {
      const ready = apiC.readinessProbe?.httpGet?.path, live = apiC.livenessProbe?.httpGet?.path;
      if (ready !== "/api/v1/health/ready" || !systemEndpoints.includes('"/health/ready"')) problems.push(`API readiness probe ${ready} (expected /api/v1/health/ready)`);
      if (live !== "/api/v1/health" || !systemEndpoints.includes('"/health"')) problems.push(`API liveness probe ${live} (expected /api/v1/health)`);
      const apiPort = apiC.ports?.find((p) => p.name === apiC.readinessProbe?.httpGet?.port)?.containerPort;
      if (String(apiPort) !== apiUrls) problems.push(`the API container port ${apiPort} is not the image's ASPNETCORE_URLS port ${apiUrls}`);
      const ne = (n) => envValue(nginx, n)?.value;
      if (ne("API_UPSTREAM") !== `127.0.0.1:${apiPort}`) problems.push(`nginx API_UPSTREAM ${ne("API_UPSTREAM")} is not the API in this pod (127.0.0.1:${apiPort})`);
      const http = nginx.ports?.find((p) => p.name === "http")?.containerPort;
      if (String(http) !== ne("NGINX_PORT")) problems.push(`nginx NGINX_PORT ${ne("NGINX_PORT")} is not its "http" port ${http}`);
      if (String(http) === String(apiPort)) problems.push("nginx and the API listen on the same port");
      const body = envValue(nginx, "NGINX_MAX_BODY_SIZE")?.valueFrom?.configMapKeyRef?.key;
      if (body !== "App__MaxUploadBytes") problems.push("nginx NGINX_MAX_BODY_SIZE does not follow App__MaxUploadBytes");
      const upload = ne("NGINX_UPLOAD_DIR");
      if (envValue(apiC, "Uploads__ProxyBodyDirectory")?.value !== upload) problems.push(`Uploads__ProxyBodyDirectory is not nginx's NGINX_UPLOAD_DIR (${upload})`);
      const mountOf = (c) => c.volumeMounts?.find((m) => m.mountPath === upload)?.name;
      const vol = pod.spec.volumes?.find((v) => v.name === mountOf(apiC));
      if (!mountOf(apiC) || mountOf(apiC) !== mountOf(nginx)) problems.push(`nginx and the API do not share one volume at ${upload}`);
      else if (!vol?.emptyDir) problems.push(`the upload volume ${vol?.name} is not an emptyDir of the pod`);
      const users = new Set([apiC, nginx].map((c) => c.securityContext?.runAsUser ?? pod.spec.securityContext?.runAsUser));
      if (users.size !== 1) problems.push("nginx and the API run as different users (the API must read nginx's 0600 body files)");
      if (envValue(apiC, "Queue__ConsumerEnabled")?.value !== "false") problems.push("the API consumes the queue (Queue__ConsumerEnabled must be false)");
      for (const n of ["NGINX_PORT", "API_UPSTREAM", "NGINX_UPLOAD_DIR", "NGINX_MAX_BODY_SIZE", "NGINX_ACCESS_LOG"])
        if (!envValue(nginx, n)) problems.push(`nginx ${n} is not set`);
      if (placeholders.length === 0) problems.push("no placeholders found in nginx/render.sh");
      for (const n of placeholders) if (!envValue(nginx, n) && nginxDefaults[n] === undefined) problems.push(`nginx template placeholder ${n} has no value`);
      // The nginx container's resolved environment, for nginx -t of the rendered template (scripts/check-deploy.sh).
      if (nginxEnvFile && !o.mutant && !nginxEnvWritten) {
        const resolved = (n) => {
          const e = envValue(nginx, n);
          if (e?.value !== undefined) return e.value;
          const ref = e?.valueFrom?.configMapKeyRef;
          if (ref) return configMaps.find((c) => c.metadata.name === ref.name)?.data?.[ref.key];
          return nginxDefaults[n];
        };
        const quote = (v) => `'${String(v).replaceAll("'", "'\\''")}'`;
        writeFileSync(nginxEnvFile, placeholders.map((n) => `${n}=${quote(resolved(n) ?? "")}`).join("\n") + "\n");
        nginxEnvWritten = true;
      }
    }
    const hpa = by("HorizontalPodAutoscaler").find((h) => h.spec.scaleTargetRef?.name === "askvideo-api");
    if (!hpa?.spec.metrics?.some((m) => m.resource?.name === "cpu")) problems.push("no CPU HorizontalPodAutoscaler for askvideo-api");
    if ((hpa?.spec.minReplicas ?? 1) < 2) problems.push("the API HPA keeps fewer than 2 pods");
    const pdb = by("PodDisruptionBudget").find((p) => matches(p.spec.selector?.matchLabels, pod?.metadata?.labels));
    if (!pdb) problems.push("no PodDisruptionBudget for the API pods");
    else if (pdb.spec.minAvailable !== undefined && pdb.spec.minAvailable >= (hpa?.spec.minReplicas ?? 1)) problems.push("the API PDB's minAvailable blocks every drain at minReplicas");
    const ing = by("Ingress")[0];
    const host = config.App__PublicUrl ? new URL(config.App__PublicUrl).host : undefined;
    if (!ing) problems.push("no Ingress");
    else {
      if (!ing.spec.rules?.some((r) => r.host === host)) problems.push(`the Ingress host is not App__PublicUrl's (${host})`);
      if (config.App__PublicUrl?.startsWith("https:") && !ing.spec.tls?.some((t) => t.hosts?.includes(host))) problems.push("App__PublicUrl is https but the Ingress has no TLS for its host");
    }
    if (config.App__PublicUrl?.startsWith("https:") && config.Auth__SecureCookies !== "true") problems.push("https without Auth__SecureCookies=true");
    check(o, `${o.name}: the API pod (probes on /api/v1/health[/ready], nginx beside it on its own port, one upload emptyDir, the body limit of App__MaxUploadBytes), its HPA, PDB and Ingress`, problems);
  }

  // Metrics: what deploy/prometheus/prometheus-kubernetes.yml scrapes (pods labelled part-of=askvideo, annotated with
  // prometheus.io/scrape and prometheus.io/port) is the port the app serves /metrics on, and no Service exposes it.
  {
    const problems = [];
    for (const name of ["askvideo-api", "askvideo-worker"]) {
      const pod = podOf(named("Deployment", name) ?? {});
      const a = pod?.metadata?.annotations ?? {};
      const c = pod?.spec?.containers?.find((x) => x.image?.includes(name.replace("askvideo-", "askvideo/")));
      const port = envValue(c ?? {}, "Observability__MetricsPort")?.value;
      if (a["prometheus.io/scrape"] !== "true") problems.push(`${name}: pods not annotated prometheus.io/scrape`);
      if (pod?.metadata?.labels?.["app.kubernetes.io/part-of"] !== "askvideo") problems.push(`${name}: pods not labelled app.kubernetes.io/part-of=askvideo`);
      if (!port || a["prometheus.io/port"] !== port) problems.push(`${name}: prometheus.io/port ${a["prometheus.io/port"]} is not Observability__MetricsPort ${port}`);
      if (!c?.ports?.some((p) => p.name === "metrics" && String(p.containerPort) === port)) problems.push(`${name}: no container port "metrics" = ${port}`);
      for (const svc of by("Service")) {
        if (matches(svc.spec.selector, pod?.metadata?.labels) && svc.spec.ports.some((p) => p.targetPort === "metrics" || String(p.targetPort) === port))
          problems.push(`${id(svc)} exposes the metrics port`);
      }
    }
    check(o, `${o.name}: API and worker pods are annotated for Prometheus on the port of Observability__MetricsPort, which no Service exposes`, problems);
  }

  // Migrations before the app.
  {
    const problems = [];
    const job = by("Job").find((j) => podOf(j).spec.containers.some((c) => c.args?.[0] === "migrate"));
    if (!job) problems.push("no Job runs migrate");
    else if (!podOf(job).spec.containers.every((c) => c.image.includes("askvideo/api"))) problems.push("the migrate Job does not use the API image (the worker image has no CLI)");
    for (const name of ["askvideo-api", "askvideo-worker"]) {
      const d = named("Deployment", name);
      const init = podOf(d ?? {})?.spec?.initContainers?.find((c) => c.args?.[0] === "migrate");
      if (!init) problems.push(`${name} has no migrate init container`);
      else if (!init.image.includes("askvideo/api")) problems.push(`${name}'s migrate init container does not use the API image`);
    }
    check(o, `${o.name}: migrations run in the Job askvideo-migrate and before every API and worker pod starts (init container, API image)`, problems);
  }

  // The worker and its autoscaler.
  {
    const problems = [];
    const worker = named("Deployment", "askvideo-worker");
    const wpod = worker ? podOf(worker) : null;
    const wc = wpod?.spec?.containers?.find((c) => c.image?.includes("askvideo/worker"));
    if (!wc) problems.push("no worker Deployment");
    const grace = wpod?.spec?.terminationGracePeriodSeconds ?? 30;
    if (!(shutdownSeconds > 0)) problems.push("HostOptions.ShutdownTimeout not found in src/Worker/Program.cs");
    else if (grace <= shutdownSeconds) problems.push(`worker terminationGracePeriodSeconds ${grace} is not above the worker's ShutdownTimeout (${shutdownSeconds} s)`);
    const scaled = by("ScaledObject");
    const hpas = by("HorizontalPodAutoscaler");
    const autoscalers = [...scaled.filter((s) => s.spec.scaleTargetRef?.name === "askvideo-worker"), ...hpas.filter((h) => h.spec.scaleTargetRef?.name === "askvideo-worker")];
    if (autoscalers.length !== 1) problems.push(`askvideo-worker has ${autoscalers.length} autoscalers (exactly one: a ScaledObject or an HPA)`);
    for (const target of [...scaled, ...hpas]) {
      const ref = target.spec.scaleTargetRef;
      const d = objs.find((x) => x.kind === (ref.kind ?? "Deployment") && x.metadata.name === ref.name);
      if (!d) problems.push(`${id(target)} scales a missing ${ref.kind ?? "Deployment"} ${ref.name}`);
      else if (d.spec.replicas !== undefined) problems.push(`${id(d)} sets replicas although ${id(target)} owns the count`);
    }
    for (const so of scaled) {
      const hpaName = so.spec.advanced?.horizontalPodAutoscalerConfig?.name ?? `keda-hpa-${so.metadata.name}`;
      if (hpas.some((h) => h.metadata.name === hpaName)) problems.push(`${id(so)}'s HPA name ${hpaName} collides with a rendered HPA`);
      const prefix = config.Queue__KeyPrefix ?? "avq";
      const lists = new Set();
      const src = podOf(objs.find((x) => x.metadata.name === so.spec.scaleTargetRef.name) ?? {})?.spec?.containers
        ?.find((c) => c.name === (so.spec.scaleTargetRef.envSourceContainerName ?? podOf(worker).spec.containers[0].name));
      for (const t of so.spec.triggers ?? []) {
        if (t.type !== "redis") { problems.push(`${id(so)}: trigger ${t.type} (expected redis)`); continue; }
        lists.add(t.metadata?.listName);
        for (const k of Object.keys(t.metadata ?? {})) if (!redisTriggerKeys.has(k)) problems.push(`${id(so)}: ${k} is not a redis scaler parameter`);
        const fromEnv = t.metadata?.addressFromEnv;
        const address = fromEnv ? (src?.envFrom?.some((x) => x.configMapRef?.name === appConfig?.metadata?.name) ? config[fromEnv] : envValue(src ?? {}, fromEnv)?.value) : t.metadata?.address;
        if (!address) problems.push(`${id(so)}: the Redis address ${fromEnv ?? ""} does not resolve from the worker container`);
        else {
          const hostName = address.split(":")[0];
          const svc = objs.find((x) => x.kind === "Service" && (hostName === `${x.metadata.name}.${ns}.svc` || hostName === `${x.metadata.name}.${ns}.svc.cluster.local`));
          const inCluster = by("StatefulSet").some((s) => s.metadata.name.includes("redis"));
          if (inCluster && !svc) problems.push(`${id(so)}: address ${address} is not <service>.${ns}.svc of a rendered Service (KEDA resolves it from its own namespace)`);
        }
        const auth = t.authenticationRef?.name;
        const ta = auth && named(t.authenticationRef.kind ?? "TriggerAuthentication", auth);
        if (!ta) problems.push(`${id(so)}: authentication ${auth} does not exist`);
        for (const ref of ta?.spec?.secretTargetRef ?? []) {
          if (!secretKeys(ref.name)?.has(ref.key)) problems.push(`${id(ta)}: Secret ${ref.name} key ${ref.key} is not documented`);
        }
      }
      if (!lists.has(`${prefix}${pendingSuffix}`)) problems.push(`${id(so)} does not watch ${prefix}${pendingSuffix} (Queue__KeyPrefix + RedisJobQueue.PendingKey)`);
      for (const l of lists) if (![`${prefix}${pendingSuffix}`, `${prefix}${processingSuffix}`].includes(l)) problems.push(`${id(so)} watches ${l}, not a queue list of the app`);
      const mod = so.spec.advanced?.scalingModifiers;
      if (mod) {
        const names = new Set((so.spec.triggers ?? []).map((t) => t.name));
        for (const word of mod.formula.match(/[A-Za-z_][A-Za-z0-9_]*/g) ?? []) if (!names.has(word)) problems.push(`${id(so)}: formula names ${word}, not a trigger`);
        if (String(mod.target) !== String(config.Queue__Concurrency ?? 2)) problems.push(`${id(so)}: target ${mod.target} is not Queue__Concurrency (${config.Queue__Concurrency})`);
      }
    }
    check(o, `${o.name}: the worker has one autoscaler (KEDA on ${pendingSuffix}/${processingSuffix} or a CPU HPA), owns no replicas count, and gets more than the ${shutdownSeconds} s shutdown timeout to stop`, problems);
  }

  // Redis and PostgreSQL.
  {
    const problems = [];
    const redisAddress = config.REDIS_ADDRESS;
    const redisSts = by("StatefulSet").find((s) => s.metadata.name.includes("redis"));
    if (redisSts) {
      const port = redisAddress?.split(":")[1];
      const svc = objs.find((x) => x.kind === "Service" && redisAddress?.split(":")[0].startsWith(`${x.metadata.name}.`));
      if (!svc) problems.push(`REDIS_ADDRESS ${redisAddress} is not a rendered Service`);
      else if (!svc.spec.ports.some((p) => String(p.port) === port)) problems.push(`REDIS_ADDRESS port ${port} is not a port of ${id(svc)}`);
      else if (!matches(svc.spec.selector, podOf(redisSts).metadata.labels)) problems.push(`${id(svc)} does not select the Redis pods`);
      const rc = podOf(redisSts).spec.containers[0];
      if (!rc.args?.includes("--appendonly")) problems.push("Redis runs without its append-only file");
      if (!rc.args?.includes("--requirepass")) problems.push("Redis runs without a password");
      if (!redisSts.spec.volumeClaimTemplates?.length) problems.push("Redis has no PersistentVolumeClaim");
    } else if (!redisAddress) problems.push("no REDIS_ADDRESS and no in-cluster Redis");
    for (const c of clusters) {
      if (config.DB_HOST !== `${c.metadata.name}-rw`) problems.push(`DB_HOST ${config.DB_HOST} is not ${c.metadata.name}-rw (the primary of ${id(c)})`);
      const initdb = c.spec.bootstrap?.initdb ?? {};
      if (config.DB_NAME !== initdb.database || config.DB_USER !== initdb.owner) problems.push(`DB_NAME/DB_USER are not the Cluster's database/owner (${initdb.database}/${initdb.owner})`);
      const sql = (initdb.postInitApplicationSQL ?? []).join("\n");
      if (!/CREATE EXTENSION IF NOT EXISTS vector/i.test(sql)) problems.push(`${id(c)} does not create the vector extension`);
      const image = c.spec.imageName ?? "";
      const major = Number(image.match(/:(\d+)/)?.[1]);
      if (!/-standard-/.test(image)) problems.push(`${id(c)} image ${image} is not a "standard" CloudNativePG image (the ones with pgvector)`);
      if (!(major >= 17)) problems.push(`${id(c)} runs PostgreSQL ${major}, older than docker-compose.yml's 17`);
      if ((c.spec.instances ?? 1) < 2) problems.push(`${id(c)} has no replica`);
      const secret = podOf(named("Deployment", "askvideo-api") ?? {})?.spec?.containers?.[0]?.env?.find((e) => e.name === "DB_PASSWORD")?.valueFrom?.secretKeyRef?.name;
      if (secret !== `${c.metadata.name}-app`) problems.push(`DB_PASSWORD comes from ${secret}, not the Cluster's ${c.metadata.name}-app`);
    }
    if (!clusters.length && !config.DB_HOST) problems.push("no PostgreSQL: neither a CloudNativePG Cluster nor DB_HOST");
    check(o, `${o.name}: Redis (${redisSts ? "in-cluster, persistent, with a password" : "external"}) and PostgreSQL (${clusters.length ? "CloudNativePG with pgvector, 17+" : `managed: ${config.DB_HOST}`}) are where the app's settings point`, problems);
  }
}

for (const o of overlays.filter((x) => x.mutant)) {
  const caught = o.found.filter((p) => o.expect.test(p));
  if (caught.length) pass(`self-test: ${o.what} (${o.base}) is caught: ${caught[0]}`);
  else fail(`self-test: ${o.what} (${o.base}) is not caught${o.found.length ? `; found instead: ${o.found.slice(0, 2).join("; ")}` : ""}`);
}
if (overlays.length === 0) skip("no rendered overlay given");
process.exit(failed > 0 ? 1 : 0);
