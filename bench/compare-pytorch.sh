#!/usr/bin/env bash
# Training speed of ActMix and ReLU networks, Java (this project) against the PyTorch reference
# (../shared/bench/torch_actmix.py), on a dataset's shapes (default power_plant; adult_census has
# 104 inputs after encoding): batch 128, hidden [128, 128], one native thread. Runs interleaved
# rounds (Java, then PyTorch), takes the median epoch time of each run, and prints the median over
# rounds and the ratios (to three decimals: the targets are thresholds at two). Each ratio comes
# with a 95% bootstrap interval over the rounds (the rounds resampled with replacement, each
# round's two times kept together, 10,000 times, a fixed seed): how far the ratio of medians
# moves with the machine's round-to-round noise, for a target that lies inside it; and with the
# median of the rounds' own ratios, which pairs the two times of each round and so moves less when
# the machine's speed changes from one round to the next.
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
import json, random, statistics, sys
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
series = {**java, **{"torch_" + k: v for k, v in torch.items()}}
med = {k: statistics.median(v) for k, v in series.items()}
print(f"{dataset}: median seconds per epoch over {rounds} interleaved rounds (each a median of {epochs - 1} timed epochs)")
for k, v in med.items():
    print(f"  {k:14s} {v:.4f}")


def interval(top, bottom, resamples=10_000):
    """95% bootstrap interval of median(top) / median(bottom) over the rounds, resampled in pairs."""
    draw = random.Random(20261206)
    ratios = []
    for _ in range(resamples):
        picked = [draw.randrange(rounds) for _ in range(rounds)]
        ratios.append(statistics.median(series[top][i] for i in picked)
                      / statistics.median(series[bottom][i] for i in picked))
    ratios.sort()
    return ratios[int(0.025 * resamples)], ratios[int(0.975 * resamples) - 1]


for label, top, bottom in [("ActMix  Java / PyTorch", "mlp_actmix", "torch_actmix"),
                           ("ReLU    Java / PyTorch", "mlp_relu", "torch_relu"),
                           ("Java    ActMix / ReLU ", "mlp_actmix", "mlp_relu"),
                           ("Java    PReLU / ReLU  ", "mlp_prelu", "mlp_relu"),
                           ("PyTorch ActMix / ReLU ", "torch_actmix", "torch_relu")]:
    low, high = interval(top, bottom)
    paired = statistics.median(a / b for a, b in zip(series[top], series[bottom]))
    print(f"{label} : {med[top] / med[bottom]:.3f}   (95% interval over the rounds {low:.3f}–{high:.3f};"
          f" median of the rounds' own ratios {paired:.3f})")
PY
