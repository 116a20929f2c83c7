#!/usr/bin/env bash
# The TypeScript client's types, generated from the three OpenAPI documents by openapi-typescript (pinned in
# clients/typescript/package.json):  scripts/generate_typescript_client.sh DOCUMENTS_DIR [OUTPUT_DIR]
# DOCUMENTS_DIR holds middleware.json, gateway.json and cms.json (`migo openapi DIR` writes them); OUTPUT_DIR is
# clients/typescript/src/generated unless given (the suite generates into a scratch folder and compares).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
documents="$1"
output="${2:-$root/clients/typescript/src/generated}"
client="$root/clients/typescript"
if [ ! -x "$client/node_modules/.bin/openapi-typescript" ]; then
  (cd "$client" && npm ci --no-audit --no-fund --silent)
fi
mkdir -p "$output"
for surface in middleware gateway cms; do
  "$client/node_modules/.bin/openapi-typescript" "$documents/$surface.json" -o "$output/$surface.ts" >/dev/null
done
