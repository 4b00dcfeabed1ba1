#!/usr/bin/env bash
# The user's real unit of work, both ways on the same machine, one after the other in one run:
# the four networks' 10-fold cross-validation on power_plant with the full protocol (up to 200
# epochs, early stopping), through this project's `study` command on all cores, against the
# reference's way of running it, the four PyTorch processes side by side
# (../shared/bench/torch_actmix.py --folds 10 --scale-target --threads 1).
#
#   bench/compare-study.sh
#
# Prints both wall times, their ratio, and each model's RMSE on both sides with its standard error.
# Needs ACTMIX_DATA_DIR (or ../shared/datasets) and Debian's PyTorch:
#   apt-get install -y python3-torch python3-sklearn python3-pandas
set -euo pipefail
cd "$(dirname "$0")/.."
export ACTMIX_DATA_DIR="${ACTMIX_DATA_DIR:-../shared/datasets}"
reference="${ACTMIX_TORCH_REFERENCE:-../shared/bench/torch_actmix.py}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
workers=$(nproc)

mvn -q compile >/dev/null  # so that the timed run below compiles nothing
start=$(date +%s.%N)
mvn -q compile exec:java -Dexec.args="study name=bench/compare-study.yaml workers=$workers paths.root_dir=$work/java" \
  >"$work/java.log" 2>&1
java_wall=$(python3 -c "print($(date +%s.%N) - $start)")

start=$(date +%s.%N)
for model in actmix relu gelu prelu; do
  OMP_NUM_THREADS=1 /usr/bin/python3 "$reference" --dataset power_plant --model "$model" \
    --folds 10 --scale-target --threads 1 --data "$ACTMIX_DATA_DIR" >"$work/torch-$model.log" 2>&1 &
done
wait
torch_wall=$(python3 -c "print($(date +%s.%N) - $start)")

python3 - "$work" "$java_wall" "$torch_wall" <<'PY'
import glob, json, math, os, sys
work, java_wall, torch_wall = sys.argv[1], float(sys.argv[2]), float(sys.argv[3])
java = {}
for f in glob.glob(os.path.join(work, "java", "studies", "compare-study", "cells", "*.json")):
    cell = json.load(open(f))
    java.setdefault(cell["model"], []).append(cell["outcome"]["metrics"]["rmse"])
def stats(values):
    mean = sum(values) / len(values)
    std = math.sqrt(sum((v - mean) ** 2 for v in values) / (len(values) - 1))
    return mean, std, std / math.sqrt(len(values))
print(f"wall time: Java study {java_wall:.1f} s, PyTorch (4 processes side by side) {torch_wall:.1f} s,"
      f" Java / PyTorch = {java_wall / torch_wall:.2f}")
print("model       Java RMSE (MW)            PyTorch RMSE (MW)         |diff| / combined s.e.")
for model in ["actmix", "relu", "gelu", "prelu"]:
    lines = [json.loads(l) for l in open(os.path.join(work, f"torch-{model}.log")) if l.startswith("{")]
    folds = [r for r in lines if "fold" in r]
    t = stats([r["rmse"] for r in folds])
    j = stats(java["mlp_" + model])
    z = abs(j[0] - t[0]) / math.sqrt(j[2] ** 2 + t[2] ** 2)
    print(f"mlp_{model:7s} {j[0]:.4f} ± {j[1]:.4f} (se {j[2]:.4f})  {t[0]:.4f} ± {t[1]:.4f} (se {t[2]:.4f})  {z:.2f}")
PY
