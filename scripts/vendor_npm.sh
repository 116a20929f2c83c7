#!/usr/bin/env bash
# Refresh a vendored browser bundle from npm, so the pages that use it work with no internet:
#   scripts/vendor_npm.sh scalar [version]   the API reference pages (@scalar/api-reference)
#   scripts/vendor_npm.sh htmx [version]     the dashboard (htmx.org)
set -euo pipefail
case "${1:-}" in
  scalar) package="@scalar/api-reference" file="dist/browser/standalone.js" licence="MIT License, Copyright (c) 2023-present Scalar" ;;
  htmx) package="htmx.org" file="dist/htmx.min.js" licence="Zero-Clause BSD, Copyright (c) 2020 Big Sky Software" ;;
  *) echo "usage: $0 scalar|htmx [version]" >&2; exit 2 ;;
esac
version="${2:-latest}"
target="$(cd "$(dirname "$0")/.." && pwd)/src/migo/platform/static/vendor/$1"
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
Vendored from the npm registry by scripts/vendor_npm.sh so the pages that use it work with no internet.
NOTICE
echo "vendored ${package} ${resolved}"
