#!/usr/bin/env bash
# make release-check: builds the release twice, each in its own copy of the working tree (at two different paths),
# with the version a release would have (the -SNAPSHOT dropped) and a check-only project address; assembles and
# checks the first build's Maven Central bundle (src/release/CheckBundle.java) and that both builds made
# byte-identical jars. Signing and uploading are skipped: no credentials are needed, and nothing is published.
set -euo pipefail
cd "$(dirname "$0")/../.."
MVN=${MVN:-mvn -B -ntp}
snapshot=$(sed -n 's|^  <version>\(.*\)</version>$|\1|p' pom.xml | head -1)
release=${snapshot%-SNAPSHOT}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
for copy in first second-copy; do
  mkdir -p "$work/$copy"
  tar --exclude=./target -cf - . | tar -xf - -C "$work/$copy"
  sed -i -e "0,/^  <version>$snapshot<\/version>$/s||  <version>$release</version>|" \
    -e "s|<zenapi.home>.*</zenapi.home>|<zenapi.home>https://example.invalid/zendesk-client</zenapi.home>|" \
    "$work/$copy/pom.xml"
  echo "[release-check] building $release in $work/$copy"
  (cd "$work/$copy" && $MVN -q -Prelease -DskipTests -Dgpg.skip=true verify)
done
java src/release/CheckBundle.java "$work/first"
echo "[release-check] the two builds' jars:"
different=0
for jar in "$work"/first/target/*.jar; do
  name=$(basename "$jar")
  if cmp -s "$jar" "$work/second-copy/target/$name"; then
    echo "identical  $name ($(sha256sum < "$jar" | cut -c1-16))"
  else
    echo "DIFFERENT  $name"
    different=1
  fi
done
test "$different" = 0 || { echo "[release-check] the builds are not reproducible"; exit 1; }
echo "[release-check] ok: bundle valid (unsigned), builds reproducible"
