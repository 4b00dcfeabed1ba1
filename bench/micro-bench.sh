#!/usr/bin/env bash
# Microbenchmarks behind docs/performance.md's third, fourth and sixth steps, on this checkout's compiled
# classes:
#   1. the ActMix mixture kernel alone: µs per forward and backward pass on power_plant's
#      minibatch shapes (128 × 128, four bases), in float and in double arithmetic, on double
#      arrays and on float arrays (as a float32 network's layer);
#   2. the loop shapes that decide whether the JIT emits vector code, and the cost of one ND4J op;
#   3. the kernel's float forward pass against the same pass fused into one loop with Java 17's
#      incubating Vector API, whole and without the sine's or tanh's arithmetic (docs/performance.md,
#      sixth step).
# The harnesses are outside the project's sources (measurements, not library code); the kernel's
# is in package io.actmix.layer because the kernel is package-private. One native thread.
#
#   bench/micro-bench.sh
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -q compile
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
mvn -q dependency:build-classpath -pl actmix-layer -Dmdep.outputFile="$work/cp.txt" >/dev/null
classes="actmix-layer/target/classes:$(cat "$work/cp.txt")"
javac -d "$work" -cp "$classes" bench/micro/MixtureKernelBench.java bench/micro/LoopShapes.java
export OMP_NUM_THREADS=1
java -Xmn64m -XX:+UseParallelGC -cp "$work:$classes" io.actmix.layer.MixtureKernelBench
java -Xmn64m -XX:+UseParallelGC -cp "$work:$classes" io.actmix.bench.LoopShapes 2>&1 \
  | grep -E "µs|^  "  # without ND4J's start-up banner
vector=(--add-modules jdk.incubator.vector)
javac -nowarn "${vector[@]}" -d "$work" -cp "$work:$classes" bench/micro/FusedKernelProbe.java 2>&1 \
  | grep -v "incubating module" || true
for without in none sine tanh both; do
  java "${vector[@]}" -Dprobe.without="$without" -Xmn64m -XX:+UseParallelGC \
    -cp "$work:$classes" io.actmix.layer.FusedKernelProbe 2>&1 | grep -v "incubator modules"
done
