#!/usr/bin/env bash
# Vendor axe-core's browser bundle for the accessibility test (tests/test_a11y.py),
# from the npm registry through npm itself (which checks the package's integrity).
# The tests never download anything: they read the committed copy, and check its
# SHA-256 against AXE_SHA256 below. To update: change the version, run this,
# paste the new SHA-256 printed into tests/test_a11y.py, run the test, commit.
set -euo pipefail
version=4.14.1
here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
(cd "$work" && npm pack --silent "axe-core@$version" >/dev/null)
tar -xzf "$work/axe-core-$version.tgz" -C "$work"
cp "$work/package/axe.min.js" "$here/axe.min.js"
cp "$work/package/LICENSE" "$here/axe-core.LICENSE"
echo "$version" > "$here/axe-core.VERSION"
sha256sum "$here/axe.min.js"
