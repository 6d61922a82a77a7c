#!/usr/bin/env bash
# Scale-out on a local three-broker KRaft cluster, every part its own process (docs/cluster.md).
#
#   loadtest/scripts/cluster-run.sh [WORK_DIR] [PARTITIONS]
#
# Three runs of `figstream run --sample`, each on a fresh cluster of three ClusterNode processes
# (broker + controller each, loopback, topics replicated 3 times with min.insync.replicas 2):
#   single            1 instance (feed, --until-caught-up)
#   three             3 instances: a with the feed and --until-caught-up, b and c --no-feed
#   three-with-kills  the same, and once b has enriched an article, SIGKILL b and the broker that
#                     coordinates the enrichment stage's group; the broker is restarted afterwards
# then prints the time each took to catch up, the articles each instance enriched, and how the
# figures topic of the three-instance runs compares with the single run's, field by field.
# The workload is the bundled sample (9 articles, 2 inventory days): the repository has no larger
# offline one. ScaleOutIT runs the reduced version (a single reference and the run with kills).
#
# Builds app (offline, tests skipped; no install) and runs from the repository root. Logs of every
# broker and instance stay under WORK_DIR (default: target/cluster-run under app/).
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$root"
work="${1:-$root/app/target/cluster-run}"
partitions="${2:-6}"
./mvnw -o -B -q -pl app -am package -DskipTests >&2
rm -rf "$work"
mkdir -p "$work"
exec java -cp app/target/test-classes:app/target/figstream.jar \
  org.figstream.cluster.ScaleOutScenario "$work" "$root/samples/articles" "$partitions"
