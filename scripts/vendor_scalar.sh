#!/usr/bin/env bash
# Refresh the vendored Scalar API reference bundle from npm: scripts/vendor_scalar.sh [version]
set -euo pipefail
version="${1:-latest}"
target="$(cd "$(dirname "$0")/.." && pwd)/src/migo/platform/static/vendor/scalar"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cd "$work"
tarball="$(npm pack "@scalar/api-reference@${version}" --silent)"
tar xzf "$tarball" package/dist/browser/standalone.js package/package.json
resolved="$(node -p "require('./package/package.json').version")"
cp package/dist/browser/standalone.js "$target/standalone.js"
cat > "$target/NOTICE" <<NOTICE
@scalar/api-reference ${resolved}, dist/browser/standalone.js, MIT License, Copyright (c) 2023-present Scalar.
Vendored from the npm registry by scripts/vendor_scalar.sh so the API reference pages work with no internet.
NOTICE
echo "vendored @scalar/api-reference ${resolved}"
