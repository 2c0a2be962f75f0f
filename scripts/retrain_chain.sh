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
# A model is replaced only when its bytes change (session 22): rewriting one with the same bytes
# would make cargo rebuild every crate that embeds it (minutes each on a loaded machine).
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
step() {
  local kind=$1 out=$2; shift 2
  cargo build --release -q
  "$bin" train "$kind" "$@" --out "$tmp/$kind" >/dev/null
  cmp -s "$tmp/$kind" "$out" || cp "$tmp/$kind" "$out"
}
for round in $(seq 1 "$max"); do
  before=$(md5sum $models)
  step coref $ent/coref.tsv --data ../shared/eval/entities/gum-all --seed 42
  step speakable $quo/speakable.bin --data ../shared/eval/entities/gum-all/gum_all.jsonl --seed 42
  step speakers $quo/speakers.bin --data ../shared/eval/quotes/polnear --seed 42
  step speaker-confidence $quo/speaker-confidence.tsv --data eval/review
  cargo build --release -q
  after=$(md5sum $models)
  if [ "$before" = "$after" ]; then echo "fixed point after round $round"; exit 0; fi
  echo "round $round changed:"; diff <(echo "$before") <(echo "$after") | grep '^>' || true
done
echo "no fixed point after $max rounds" >&2
exit 1
