#!/usr/bin/env bash
# The speaker models' retrain chain: coref -> speakable -> speakers -> speaker-confidence, each
# trained on the engine built with the models before it (they are embedded), repeated until a
# round leaves every model byte-identical (a fixed point). Run from the repository root after a
# change to the entity or quotation stages; each round rebuilds the release binary.
# Usage: scripts/retrain_chain.sh [MAX_ROUNDS]   (default 4)
set -euo pipefail
max=${1:-4}
bin=target/release/newsprobe
ent=crates/newsprobe-entities/models
quo=crates/newsprobe-quotes/models
models="$ent/coref.tsv $quo/speakable.bin $quo/speakers.bin $quo/speaker-confidence.tsv"
step() { cargo build --release -q; "$bin" train "$@" >/dev/null; }
for round in $(seq 1 "$max"); do
  before=$(md5sum $models)
  step coref --data ../shared/eval/entities/gum-all --out $ent/coref.tsv --seed 42
  step speakable --data ../shared/eval/entities/gum-all/gum_all.jsonl --out $quo/speakable.bin --seed 42
  step speakers --data ../shared/eval/quotes/polnear --out $quo/speakers.bin --seed 42
  step speaker-confidence --data eval/review --out $quo/speaker-confidence.tsv
  cargo build --release -q
  after=$(md5sum $models)
  if [ "$before" = "$after" ]; then echo "fixed point after round $round"; exit 0; fi
  echo "round $round changed:"; diff <(echo "$before") <(echo "$after") | grep '^>' || true
done
echo "no fixed point after $max rounds" >&2
exit 1
