#!/usr/bin/env bash
# The long outage run of issue 18: FeedFaultMatrixTest with outages of minutes instead of the
# default suite's 12 s. Usage: loadtest/scripts/outage-soak.sh [SECONDS]   (default 180)
# Two outages of SECONDS each (one halfway through an inventory download, one while the pipeline
# enriches after the pass), then the comparison with an undisturbed run; the fault scenario (20%
# faults of every kind, keys listed twice, late inventory files) runs too. Takes about
# 2 x SECONDS + 90 s on 2 cores.
set -euo pipefail
cd "$(dirname "$0")/../.."
seconds="${1:-180}"
./mvnw -o -B -q -DskipTests install -pl app -am
./mvnw -o -B -pl app test -Dtest=FeedFaultMatrixTest -Dsurefire.failIfNoSpecifiedTests=false \
  -Dfigstream.outage.seconds="$seconds" \
  | grep -E "FeedFaultMatrixTest|Tests run|BUILD|ERROR"
