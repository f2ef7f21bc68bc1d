#!/usr/bin/python3
"""Java (DJL) against PyTorch eager on the TTA methods, interleaved so a loaded machine biases neither side.

Each round runs, for every method, the Java benchmark (org.entropyharness.bench.TtaThroughputBenchmark) and the
PyTorch reference (benchmarks/python/tta_reference.py bench) one after the other on the same images, alternating
which side goes first from round to round, and takes the ratio of the two medians. The table gives, per method, the
median over rounds of each side's images/s and the median (min-max) of the per-round ratios. The roofline is measured
in the same run: libtorch's float32 matrix-product rate (org.entropyharness.bench.SgemmRate) before every round.

Run from the repository root after `mvn -B -ntp -pl harness,benchmarks -am -DskipTests package`:

  /usr/bin/python3 benchmarks/scripts/compare_tta.py --rounds 3 --runs 2 --images 2000 --depth 20

Work per image for the roofline share: F = forward FLOPs of the network's convolutions and classifier (82.1 MFLOP
for ResNet-20); the input-gradient pass of a backward costs about F as well (the weights are frozen, so no weight
gradients). Passes per image: source, bn-adapt 1; tent, renyi-tent, eata 2; sar 4 (two forward-backward passes);
deyo 2 plus a forward over its confident images, counted as 3 (an upper bound).
"""
import argparse
import os
import re
import statistics
import subprocess
import sys
import time

METHODS = "source,bn-adapt,tent,renyi-tent,eata,sar,deyo"
PASSES = {"source": 1, "bn-adapt": 1, "tent": 2, "renyi-tent": 2, "eata": 2, "sar": 4, "deyo": 3}
JAVA = ["java", "--add-opens=java.base/java.nio=ALL-UNNAMED", "--add-modules=jdk.incubator.vector",
        "-Dai.djl.offline=true", "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn", "-Dharness.root=.", "-cp"]
CLASSPATH = "benchmarks/target/benchmarks-0.1.0-SNAPSHOT.jar:benchmarks/target/lib/*"
LINE = re.compile(r"^(\S+)\t([0-9.]+) images/s\truns=[^\t]*\taccuracy=([0-9.]+)", re.M)


def forward_flops(depth):
    """Multiply-adds x 2 of the CIFAR ResNet's convolutions and linear layer, per 32x32 image."""
    n = (depth - 2) // 6
    flops = 2 * 16 * 3 * 9 * 32 * 32
    cin, side = 16, 32
    for stage, width in enumerate([16, 32, 64]):
        for block in range(n):
            if stage > 0 and block == 0:
                side //= 2
            flops += 2 * width * cin * 9 * side * side + 2 * width * width * 9 * side * side
            cin = width
    return flops + 2 * 64 * 10


def run(command, env):
    out = subprocess.run(command, env=env, capture_output=True, text=True, check=True).stdout
    return out


def java_side(method, args, env):
    out = run(JAVA + [args.classpath, "org.entropyharness.bench.TtaThroughputBenchmark", str(args.runs), str(args.images),
                      str(args.depth), method], env)
    return parse(out, method)


def python_side(method, args, env):
    out = run(["/usr/bin/python3", "benchmarks/python/tta_reference.py", "bench", "--runs", str(args.runs),
               "--images", str(args.images), "--depth", str(args.depth), "--methods", method], env)
    return parse(out, method)


def parse(out, method):
    for name, rate, accuracy in LINE.findall(out):
        if name == method:
            return float(rate), accuracy
    raise RuntimeError(f"no result line for {method} in:\n{out}")


def sgemm(args, env):
    out = run(JAVA + [args.classpath, "org.entropyharness.bench.SgemmRate", "1024", "5"], env)
    return float(re.search(r"sgemm\t([0-9.]+) GFLOP/s", out).group(1))


def load():
    return "%.1f" % os.getloadavg()[0]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--runs", type=int, default=2, help="timed runs per side and round (after one warm-up)")
    parser.add_argument("--images", type=int, default=2000)
    parser.add_argument("--depth", type=int, default=20)
    parser.add_argument("--methods", default=METHODS)
    parser.add_argument("--classpath", default=CLASSPATH, help="of the Java side (a copy keeps a rebuild out)")
    args = parser.parse_args()
    methods = args.methods.split(",")
    env = dict(os.environ, OMP_WAIT_POLICY="PASSIVE")
    java, python, ratios, accuracy, peaks, loads = {}, {}, {}, {}, [], []
    for r in range(args.rounds):
        loads.append(load())
        peaks.append(sgemm(args, env))
        print(f"round {r + 1}: load {loads[-1]}, sgemm {peaks[-1]:.1f} GFLOP/s", file=sys.stderr, flush=True)
        for m in methods:
            sides = [("java", java_side), ("python", python_side)]
            results = {}
            for name, side in (sides if r % 2 == 0 else sides[::-1]):
                results[name] = side(m, args, env)
            java.setdefault(m, []).append(results["java"][0])
            python.setdefault(m, []).append(results["python"][0])
            ratios.setdefault(m, []).append(results["java"][0] / results["python"][0])
            accuracy[m] = (results["java"][1], results["python"][1])
            print(f"  {m}: java {results['java'][0]:.1f}, pytorch {results['python'][0]:.1f} images/s "
                  f"(load {load()})", file=sys.stderr, flush=True)
        loads.append(load())
    peak = statistics.median(peaks)
    flops = forward_flops(args.depth)
    print(f"ResNet-{args.depth}, {args.images} images in batches of 200, {args.rounds} rounds x {args.runs} runs per "
          f"side; load average {min(loads)}-{max(loads)}; roofline: libtorch SGEMM {peak:.1f} GFLOP/s "
          f"(median of {', '.join('%.1f' % p for p in peaks)}), forward {flops / 1e6:.1f} MFLOP per image")
    print()
    print("| method | Java images/s | PyTorch images/s | Java / PyTorch (median, min-max of rounds) | "
          "Java roofline share | PyTorch roofline share | accuracy Java / PyTorch |")
    print("|---|---|---|---|---|---|---|")
    for m in methods:
        j, p = statistics.median(java[m]), statistics.median(python[m])
        work = PASSES.get(m, 1) * flops
        print(f"| {m} | {j:,.0f} | {p:,.0f} | **{statistics.median(ratios[m]):.2f}** "
              f"({min(ratios[m]):.2f}-{max(ratios[m]):.2f}) | {j * work / 1e9 / peak:.0%} | "
              f"{p * work / 1e9 / peak:.0%} | {accuracy[m][0]} / {accuracy[m][1]} |")


if __name__ == "__main__":
    sys.exit(main())
