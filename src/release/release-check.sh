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
address=https://example.invalid/zendesk-client # check-only
placeholder=$(sed -n 's|^    <zenapi.home>\(.*\)</zenapi.home>$|\1|p' pom.xml)
work=$(mktemp -d)
installed="$HOME/.m2/repository/io/zenapi"
# the release version installed for the consumer check must not outlive the check
trap 'rm -rf "$work" "$installed/zendesk-client/$release" "$installed/zendesk-client-mock/$release"' EXIT
for copy in first second-copy; do
  mkdir -p "$work/$copy"
  tar --exclude=./target -cf - . | tar -xf - -C "$work/$copy"
  sed -i -e "0,/^  <version>$snapshot<\/version>$/s||  <version>$release</version>|" \
    -e "s|<zenapi.home>.*</zenapi.home>|<zenapi.home>$address</zenapi.home>|" "$work/$copy/pom.xml"
  sed -i -e "s|$snapshot|$release|g" -e "s|$placeholder|$address|g" "$work/$copy/src/mock/pom.xml"
  echo "[release-check] building $release in $work/$copy"
  # the first copy is installed, for the consumer project below; the second is only built, to compare
  goal=$([ "$copy" = first ] && echo install || echo verify)
  (cd "$work/$copy" && $MVN -q -Prelease -DskipTests -Dgpg.skip=true $goal)
done
(cd "$work/first" && $MVN -q -f src/mock/pom.xml install)
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
# a user's project: the mock as one test dependency (its pom brings the client, the mock jar, WireMock and JUnit)
consumer="$work/consumer"
mkdir -p "$consumer/src/test/java/example"
sed -e "s|@VERSION@|$release|" src/release/consumer-pom.xml > "$consumer/pom.xml"
cp src/release/ConsumerTest.java "$consumer/src/test/java/example/"
echo "[release-check] a consumer project tests against zendesk-client-mock $release"
(cd "$consumer" && $MVN -Dtest=ConsumerTest test | grep -E "Tests run:|BUILD|ERROR" | tail -3) # -Dtest: none run is a failure
echo "[release-check] ok: bundle valid (unsigned), builds reproducible, the mock usable as one test dependency"
