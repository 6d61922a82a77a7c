#!/usr/bin/env bash
# The long crash soak of issue 18: KillSoakIT with more stops than the default suite's 6.
# Usage: loadtest/scripts/kill-soak.sh [KILLS] [SEED]   (default 24 stops, seed 18)
# Each stop restarts `figstream run --sample` on the same data directory (about 10-20 s each on
# 2 cores); the kill points cycle through broker start, feed, enrichment (one SIGTERM), enrichment
# mid-batch, sink commit and compaction. The test prints how often each point was hit.
set -euo pipefail
cd "$(dirname "$0")/../.."
kills="${1:-24}"
seed="${2:-18}"
./mvnw -o -B -q -DskipTests install -pl app -am
./mvnw -o -B -pl app verify -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false \
  -Dit.test=KillSoakIT -Dfigstream.soak.kills="$kills" -Dfigstream.soak.seed="$seed" \
  | grep -E "KillSoakIT|Tests run|BUILD|ERROR"
