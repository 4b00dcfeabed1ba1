#!/usr/bin/env bash
# A real Spark standalone cluster on this machine, from the project's own Maven dependencies:
# a master and two workers (one core each) on 127.0.0.1, a small study submitted with
# spark-submit (Spark's SparkSubmit class), and its cells compared with the local engine's.
# Then the same study again with one worker and its executor killed (kill -9) while cells run:
# the study must complete, lose nothing, and store each cell once.
#
#   bench/spark-cluster.sh            # from the project root; ACTMIX_DATA_DIR as for the tests
#
# Writes target/spark-cluster/ (logs, the cluster's folders, the three studies' cells). Needs
# python3 to compare cell files. Takes a few minutes, most of it building the jar.
set -euo pipefail
cd "$(dirname "$0")/.."
export ACTMIX_DATA_DIR="${ACTMIX_DATA_DIR:-../shared/datasets}"

WORK="$PWD/target/spark-cluster"
STUDY=bench/spark-cluster/cluster.yaml
JAR=actmix-baselines/target/actmix-study.jar
MASTER=spark://127.0.0.1:7077
rm -rf "$WORK"
mkdir -p "$WORK"

log() { printf '%s %s\n' "$(date +%H:%M:%S)" "$*"; }

log "building $JAR (mvn -Pcluster -DskipTests package)"
mvn -q -Pcluster -DskipTests package
log "SPARK_HOME from the project's Spark dependencies (bench/spark-cluster/pom.xml)"
export SPARK_HOME="$WORK/spark-home"
mvn -q -f bench/spark-cluster/pom.xml dependency:copy-dependencies \
  -DoutputDirectory="$SPARK_HOME/jars" -DincludeScope=runtime
export SPARK_SCALA_VERSION=2.12 SPARK_LOCAL_IP=127.0.0.1 SPARK_LOG_DIR="$WORK/logs"

# What Java 17 must open for Spark outside the spark-submit script (the same list as .mvn/jvm.config).
JAVA_OPTS=$(grep -v -e UseParallelGC -e Xmn .mvn/jvm.config | tr '\n' ' ')
CP="$SPARK_HOME/jars/*"

PIDS=()
cleanup() {
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  pkill -f "CoarseGrainedExecutorBackend.*actmix" 2>/dev/null || true
}
trap cleanup EXIT

log "master on $MASTER"
java $JAVA_OPTS -cp "$CP" org.apache.spark.deploy.master.Master \
  --host 127.0.0.1 --port 7077 --webui-port 18080 > "$WORK/master.log" 2>&1 &
PIDS+=($!)
sleep 3
for n in 1 2; do
  log "worker $n: 1 core, 4 GiB"
  java $JAVA_OPTS -cp "$CP" org.apache.spark.deploy.worker.Worker "$MASTER" \
    --host 127.0.0.1 --cores 1 --memory 4g --webui-port $((18080 + n)) \
    --work-dir "$WORK/worker$n" > "$WORK/worker$n.log" 2>&1 &
  PIDS+=($!)
  eval "WORKER$n=$!"
done
for _ in $(seq 60); do
  [ "$(grep -c 'Registering worker' "$WORK/master.log" || true)" -ge 2 ] && break
  sleep 1
done
log "$(grep -c 'Registering worker' "$WORK/master.log") workers registered"

submit() { # $1: results root; the rest: extra arguments of SparkSubmit
  local root=$1; shift
  java $JAVA_OPTS -cp "$CP" org.apache.spark.deploy.SparkSubmit \
    --master "$MASTER" --deploy-mode client --class io.actmix.experiments.cli.Main \
    --conf spark.app.name=actmix-study \
    --conf spark.driver.host=127.0.0.1 --conf spark.driver.bindAddress=127.0.0.1 \
    --conf spark.ui.enabled=false \
    --conf spark.executor.cores=1 --conf spark.executor.memory=2g \
    --conf spark.executor.memoryOverhead=2g \
    --conf spark.executorEnv.OMP_NUM_THREADS=1 \
    --conf "spark.executor.extraJavaOptions=-XX:+UseParallelGC -Xmn64m -Dorg.bytedeco.javacpp.maxPhysicalBytes=0 -Dorg.bytedeco.javacpp.cachedir=$WORK/javacpp-cache" \
    "$@" "$JAR" study name="$STUDY" engine=spark paths.root_dir="$root"
}

log "local engine (2 workers), the reference for the cluster's cells"
START=$(date +%s)
java $JAVA_OPTS -cp "$JAR:$CP" io.actmix.experiments.cli.Main \
  study name="$STUDY" workers=2 paths.root_dir="$WORK/local" > "$WORK/local.log" 2>&1
log "local: $(( $(date +%s) - START )) s"

log "cluster run 1: the study submitted with spark-submit"
START=$(date +%s)
submit "$WORK/cluster" > "$WORK/cluster.log" 2>&1
log "cluster run 1: $(( $(date +%s) - START )) s"

log "cluster run 2: worker 2 and its executor killed (kill -9) after the third cell"
START=$(date +%s)
submit "$WORK/killed" > "$WORK/killed.log" 2>&1 &
SUBMIT=$!
CELLS="$WORK/killed/studies/cluster/cells"
until [ "$(ls "$CELLS" 2>/dev/null | wc -l)" -ge 3 ]; do sleep 1; done
EXECUTOR=$(pgrep -P "$WORKER2" -f CoarseGrainedExecutorBackend || true)
log "killing worker 2 (pid $WORKER2) and its executor (pid ${EXECUTOR:-none}) with 3 cells stored"
kill -9 "$WORKER2" ${EXECUTOR:+"$EXECUTOR"}
STATUS=0
wait "$SUBMIT" || STATUS=$?
log "cluster run 2: $(( $(date +%s) - START )) s, exit status $STATUS"

python3 - "$WORK" <<'PY'
import json, os, re, sys
work = sys.argv[1]
def cells(run):
    folder = os.path.join(work, run, "studies", "cluster", "cells")
    out = {}
    for name in sorted(os.listdir(folder)):
        if name.endswith(".json") and not name.startswith("."):
            with open(os.path.join(folder, name)) as f:
                cell = json.load(f)
            out[name] = (cell["outcome"]["metrics"], cell["outcome"]["best_validation_loss"])
    return out
def failed(run):
    folder = os.path.join(work, run, "studies", "cluster", "failed")
    return sorted(os.listdir(folder)) if os.path.isdir(folder) else []
def trained(run):
    with open(os.path.join(work, run + ".log")) as f:
        return sum(1 for line in f if re.match(r"\[\d+/\d+\] ", line))
local = cells("local")
ok = True
for run in ("cluster", "killed"):
    other = cells(run)
    same = other == local
    ok &= same and not failed(run) and trained(run) == len(local)
    print(f"{run}: {len(other)} cells of {len(local)}, metrics identical to the local engine's:"
          f" {same}, failed: {len(failed(run))}, results received: {trained(run)}")
with open(os.path.join(work, "killed.log")) as f:
    lost = [line.strip() for line in f if "Lost executor" in line or "Executor lost" in line]
print("driver log on the lost executor:", lost[0] if lost else "(none)")
sys.exit(0 if ok else 1)
PY
log "done; logs in $WORK"
