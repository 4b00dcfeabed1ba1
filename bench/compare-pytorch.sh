#!/usr/bin/env bash
# Training speed of ActMix and ReLU networks, Java (this project) against the PyTorch reference
# (../shared/bench/torch_actmix.py), on a dataset's shapes (default power_plant; adult_census has
# 104 inputs after encoding): batch 128, hidden [128, 128], one native thread. Runs interleaved
# rounds (Java, then PyTorch), takes the median epoch time of each run, and prints the median over
# rounds and the ratios (to three decimals: the targets are thresholds at two).
#
#   bench/compare-pytorch.sh [rounds] [dataset]        (default 5 power_plant)
#
# Needs: ACTMIX_DATA_DIR (or the data in the cache), and Debian's PyTorch:
#   apt-get install -y python3-torch python3-sklearn python3-pandas
set -euo pipefail
cd "$(dirname "$0")/.."
rounds="${1:-5}"
dataset="${2:-power_plant}"
epochs=12
reference="${ACTMIX_TORCH_REFERENCE:-../shared/bench/torch_actmix.py}"
data="${ACTMIX_DATA_DIR:?set ACTMIX_DATA_DIR to the folder holding <dataset>/data.csv}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT


for round in $(seq 1 "$rounds"); do
  echo "round $round/$rounds" >&2
  OMP_NUM_THREADS=1 mvn -q compile exec:java \
    -Dexec.args="bench dataset=$dataset bench.epochs=$((epochs - 1)) bench.models=[mlp_actmix,mlp_relu,mlp_gelu,mlp_prelu] paths.root_dir=$work/java$round" \
    >"$work/java$round.log" 2>&1
  for model in actmix relu; do
    OMP_NUM_THREADS=1 /usr/bin/python3 "$reference" --dataset "$dataset" --model "$model" \
      --epochs "$epochs" --threads 1 --data "$data" >"$work/torch-$model-$round.log" 2>&1
  done
done

/usr/bin/python3 - "$work" "$rounds" "$epochs" "$dataset" <<'PY'
import json, statistics, sys
work, rounds, epochs, dataset = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), sys.argv[4]
java = {"mlp_actmix": [], "mlp_relu": [], "mlp_gelu": [], "mlp_prelu": []}
torch = {"actmix": [], "relu": []}
for r in range(1, rounds + 1):
    report = json.load(open(f"{work}/java{r}/experiments/bench/{dataset}.json"))
    for row in report["models"]:
        java[row["model"]].append(row["median_epoch_s"])
    for model in torch:
        last = [l for l in open(f"{work}/torch-{model}-{r}.log") if l.startswith("{")][-1]
        torch[model].append(json.loads(last)["median_epoch_s"])
print("round  java_actmix  java_relu  actmix/relu  torch_actmix  torch_relu  java/torch_actmix")
for r in range(rounds):
    a, b = java["mlp_actmix"][r], java["mlp_relu"][r]
    print(f"{r + 1:5d}  {a:11.4f}  {b:9.4f}  {a / b:11.2f}  {torch['actmix'][r]:12.4f}"
          f"  {torch['relu'][r]:10.4f}  {a / torch['actmix'][r]:17.2f}")
med = {k: statistics.median(v) for k, v in {**java, **{"torch_" + k: v for k, v in torch.items()}}.items()}
print(f"{dataset}: median seconds per epoch over {rounds} interleaved rounds (each a median of {epochs - 1} timed epochs)")
for k, v in med.items():
    print(f"  {k:14s} {v:.4f}")
print(f"ActMix  Java / PyTorch : {med['mlp_actmix'] / med['torch_actmix']:.3f}")
print(f"ReLU    Java / PyTorch : {med['mlp_relu'] / med['torch_relu']:.3f}")
print(f"Java    ActMix / ReLU  : {med['mlp_actmix'] / med['mlp_relu']:.3f}")
print(f"PyTorch ActMix / ReLU  : {med['torch_actmix'] / med['torch_relu']:.3f}")
PY
