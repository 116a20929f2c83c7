#!/usr/bin/env bash
# Refresh a vendored browser bundle from npm, so what uses it works with no internet.
#   scripts/vendor_npm.sh scalar [version]   the API reference pages (@scalar/api-reference)
#   scripts/vendor_npm.sh htmx [version]     the dashboard (htmx.org)
#   scripts/vendor_npm.sh axe [version]      the dashboard's accessibility test (axe-core; tests only, not served)
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
static="$root/src/migo/platform/static/vendor"
case "${1:-}" in
  scalar) package="@scalar/api-reference" file="dist/browser/standalone.js" target="$static/scalar"
    licence="MIT License, Copyright (c) 2023-present Scalar" ;;
  htmx) package="htmx.org" file="dist/htmx.min.js" target="$static/htmx"
    licence="Zero-Clause BSD, Copyright (c) 2020 Big Sky Software" ;;
  axe) package="axe-core" file="axe.min.js" target="$root/tests/vendor/axe-core"
    licence="Mozilla Public License 2.0, Copyright (c) 2015 - 2024 Deque Systems" ;;
  *) echo "usage: $0 scalar|htmx|axe [version]" >&2; exit 2 ;;
esac
version="${2:-latest}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cd "$work"
tarball="$(npm pack "${package}@${version}" --silent)"
tar xzf "$tarball" "package/${file}" package/package.json
resolved="$(node -p "require('./package/package.json').version")"
mkdir -p "$target"
cp "package/${file}" "$target/$(basename "$file")"
cat > "$target/NOTICE" <<NOTICE
${package} ${resolved}, ${file}, ${licence}.
Vendored from the npm registry by scripts/vendor_npm.sh so what uses it works with no internet.
NOTICE
echo "vendored ${package} ${resolved}"
