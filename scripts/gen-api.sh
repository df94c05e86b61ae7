#!/usr/bin/env bash
# Regenerates the SPA's typed API client from the API's OpenAPI document:
#   1. builds the API and asks it for its document (no server, no database needed),
#   2. writes client/openapi.json (committed; an integration test fails when it drifts from the live document),
#   3. runs openapi-typescript to produce client/src/api/schema.d.ts.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
dotnet build "$ROOT/src/Api" -c Release -nologo -v quiet -clp:ErrorsOnly >/dev/null
dotnet "$ROOT/src/Api/bin/Release/net10.0/AskVideo.Api.dll" openapi "$ROOT/client/openapi.json"
cd "$ROOT/client"
[ -d node_modules ] || npm ci --no-audit --no-fund >/dev/null
npm run gen:api
