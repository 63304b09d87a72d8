#!/usr/bin/env bash
# Runs Parathumb's Spark job (org.parathumb.spark.ThumbnailJob) in local mode on this machine, with
# nothing but Maven and a JDK 17: Maven resolves Spark (a `provided` dependency, so it is not in
# target/parathumb.jar) and this script starts the JVM with the --add-opens flags that Spark's own
# launcher adds on Java 17.
#
# Usage: scripts/spark-local.sh IN OUT [--size WxH] [--blur R] [--pipeline faithful|fast]
#                               [--format same|jpg|png] [--csv] [--partitions N]
#   IN and OUT are folders or any Hadoop file system URI (file:///..., hdfs://...).
# Environment: SPARK_MASTER (default local[*]; e.g. local[2]), SPARK_MEMORY (heap, default 3g:
#   local mode runs the driver and every executor thread in this one JVM), JAVA (default java).
set -euo pipefail
[ $# -ge 2 ] || { sed -n '7,11p' "$0" | sed 's/^# \{0,1\}//' >&2; exit 2; }
here=$(cd "$(dirname "$0")/.." && pwd)
jar="$here/target/parathumb.jar"
classpath="$here/target/spark-classpath.txt"
if [ ! -f "$jar" ]; then
  (cd "$here" && mvn -B -q -DskipTests package)
fi
if [ ! -s "$classpath" ] || [ "$here/pom.xml" -nt "$classpath" ] || [ "$0" -nt "$classpath" ]; then
  # Spark and everything it needs: the dependencies of `provided` scope, which the jar leaves out.
  (cd "$here" && mvn -B -q dependency:build-classpath -DincludeScope=provided \
      -Dmdep.outputFile="$classpath")
fi
opens=""
for package in java.lang java.lang.invoke java.lang.reflect java.io java.net java.nio java.util \
    java.util.concurrent java.util.concurrent.atomic sun.nio.ch sun.nio.cs sun.security.action \
    sun.util.calendar; do
  opens="$opens --add-opens=java.base/$package=ALL-UNNAMED"
done
export SPARK_LOCAL_IP=${SPARK_LOCAL_IP:-127.0.0.1}
# shellcheck disable=SC2086
exec "${JAVA:-java}" $opens -Djdk.reflect.useDirectMethodHandle=false -Xmx"${SPARK_MEMORY:-3g}" \
  -Dspark.master="${SPARK_MASTER:-local[*]}" -Dspark.ui.enabled=false -Dspark.log.level=WARN \
  -cp "$(cat "$classpath"):$jar" org.parathumb.spark.ThumbnailJob "$@"
