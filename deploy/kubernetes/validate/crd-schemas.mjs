// Turns CustomResourceDefinition files into the trimmed schemas under schemas/ that validate.mjs checks the
// custom resources against (no cluster, no network). Run it when moving to a newer operator release:
//   node crd-schemas.mjs <source label> <crd.yaml>...
// e.g. with the CRDs of the operators' release tags (config/crd/bases/ in their repositories):
//   node crd-schemas.mjs cloudnative-pg@v1.30.0 postgresql.cnpg.io_clusters.yaml
//   node crd-schemas.mjs keda@v2.20.2 keda.sh_scaledobjects.yaml keda.sh_triggerauthentications.yaml
// Each served version becomes schemas/<group>_<version>_<Kind>.json: the openAPIV3Schema without descriptions and
// without .status (never written by a manifest), plus where it came from.
import { readFileSync, writeFileSync, mkdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseAllDocuments } from "yaml";

const here = dirname(fileURLToPath(import.meta.url));
const [source, ...files] = process.argv.slice(2);
if (!source || files.length === 0) {
  console.error("usage: node crd-schemas.mjs <source label> <crd.yaml>...");
  process.exit(2);
}

const strip = (node) => {
  if (Array.isArray(node)) return node.map(strip);
  if (node === null || typeof node !== "object") return node;
  const out = {};
  for (const key of Object.keys(node).sort()) {
    if (key === "description") continue;
    out[key] = strip(node[key]);
  }
  return out;
};

mkdirSync(join(here, "schemas"), { recursive: true });
for (const file of files) {
  for (const doc of parseAllDocuments(readFileSync(file, "utf8"))) {
    const crd = doc.toJS();
    if (crd?.kind !== "CustomResourceDefinition") continue;
    const { group, names } = crd.spec;
    for (const version of crd.spec.versions.filter((v) => v.served)) {
      const schema = strip(version.schema.openAPIV3Schema);
      delete schema.properties?.status;
      const name = `${group}_${version.name}_${names.kind}.json`;
      const body = { source, apiVersion: `${group}/${version.name}`, kind: names.kind, scope: crd.spec.scope, schema };
      writeFileSync(join(here, "schemas", name), JSON.stringify(body) + "\n");
      console.log(`schemas/${name}`);
    }
  }
}
