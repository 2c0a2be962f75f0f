#!/usr/bin/env bash
# Leave one group out for the speaker ranker (session 17): for each tuned-on group of the
# reviewed sample, the engine's speaker figures on that group with a ranker trained on PolNeAR
# train + the other tuned-on groups, beside a ranker of PolNeAR train alone (the same seed).
# Prints the ranking-accuracy figures of `newsprobe train speakers --logo` first.
# Usage: scripts/rank_logo.sh [BINARY]   (default target/release/newsprobe; run from the repo root)
set -euo pipefail
bin=${1:-target/release/newsprobe}
polnear=../shared/eval/quotes/polnear
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
NEWSPROBE_LOGO_MODELS=$tmp/logo "$bin" train speakers --data $polnear --out "$tmp/unused.bin" --logo
NEWSPROBE_RANKER_REVIEW_WEIGHT=0 "$bin" train speakers --data $polnear --out "$tmp/polnear.bin" >/dev/null
echo "engine on the group left out (speaker accuracy; speakers shown): PolNeAR train only -> + other groups"
for g in ecbplus scrapinghub fnc1-pool fnc1-pool-2 fnc1-pool-3 fnc1-pool-4 fnc1-pool-5 ptc-train ptc-train-2; do
  line() { NEWSPROBE_SPEAKERS_MODEL=$1 "$bin" eval review --data eval/review/$g \
    | awk '/^== all/{a=1} a&&/^speaker accuracy/{sa=$3" "$4} a&&/^speakers shown/{for(i=1;i<=NF;i++) if($i=="coverage,"||$i=="coverage") c=$(i+1); sub(/\(/,"",$5); print sa" shown "$4" "$5" cov "c; exit}'; }
  printf '  %-12s %s -> %s\n' "$g" "$(line "$tmp/polnear.bin")" "$(line "$tmp/logo/$g.bin")"
done
