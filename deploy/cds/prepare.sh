#!/usr/bin/env bash
# A faster start for the packaged gateway (README, "A faster start"): Spring Boot's extracted layout, which loads
# classes from plain jars instead of jars nested in the fat jar, and a class-data-sharing archive (CDS) of the classes
# a start loads, which the JVM maps instead of reading and verifying them again.
#
#   deploy/cds/prepare.sh gateway/target/gateway-0.1.0-SNAPSHOT.jar /opt/exchange/gateway
#   java -XX:SharedArchiveFile=/opt/exchange/gateway/gateway.jsa -jar /opt/exchange/gateway/gateway-0.1.0-SNAPSHOT.jar
#
# Run it again for every new jar: an archive made from other classes is ignored (the JVM says so and starts as usual).
set -euo pipefail
[ $# -eq 2 ] || { echo "usage: $0 <packaged gateway jar> <folder to prepare>" >&2; exit 2; }
jar=$(realpath "$1")
mkdir -p "$2"
out=$(realpath "$2")
app="$out/$(basename "$jar")"

java -Djarmode=tools -jar "$jar" extract --force --destination "$out" >/dev/null

# One start of the gateway records the classes it loads, up to the moment it is ready (its routes started), then it is
# stopped. It runs on the embedded defaults in a scratch folder, on ports of its own, so its ledger and broker journal
# are thrown away.
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
(cd "$scratch" && exec java -XX:DumpLoadedClassList="$out/classes.lst" -jar "$app" --server.port=0 \
    --exchange.broker.tcp-host=127.0.0.1 --exchange.broker.tcp-port=0) > "$out/training.log" 2>&1 &
training=$!
until grep -q 'Started GatewayApplication' "$out/training.log"; do
    kill -0 "$training" 2>/dev/null || { echo "the training start failed: see $out/training.log" >&2; exit 1; }
    sleep 0.5
done
kill "$training"
wait "$training" || true

# A static archive of those classes. JDK 17's dynamic archive (-XX:ArchiveClassesAtExit) crashes on this application's
# lambda proxies, so they are left out of the list; the archive's class path must be the one `java -jar` builds: the
# jar, then its manifest's Class-Path.
grep -v '^@' "$out/classes.lst" > "$out/classes-static.lst"
class_path="$app"
manifest_class_path=$(unzip -p "$app" META-INF/MANIFEST.MF | tr -d '\r' | awk '
    /^Class-Path: / { joining = 1; sub(/^Class-Path: /, ""); printf "%s", $0; next }
    joining && /^ / { sub(/^ /, ""); printf "%s", $0; next }
    { joining = 0 }')
for entry in $manifest_class_path; do
    class_path="$class_path:$out/$entry"
done
java -Xshare:dump -XX:SharedClassListFile="$out/classes-static.lst" -XX:SharedArchiveFile="$out/gateway.jsa" \
    -cp "$class_path" > "$out/dump.log" 2>&1
echo "java -XX:SharedArchiveFile=$out/gateway.jsa -jar $app"
