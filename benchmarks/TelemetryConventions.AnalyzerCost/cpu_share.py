#!/usr/bin/env python3
"""Share of the compile's processor time spent in the package's analyzers, from sampled stacks.

Usage (after `dotnet-trace collect --format speedscope -o cost.nettrace -- <AnalyzerCost> <folder> ... --runs R`):

    python3 cpu_share.py cost.speedscope.json --runs R

Samples are counted only when the thread was on a processor (the CPU_TIME leaf). A sample belongs
to the package when a TelemetryConventions.Analyzers frame is on its stack; of those, the ones with
SemanticModel.GetOperation under the package's frame are binding the package asked for, which the
compiler may have had to do anyway. Compile samples are those under Compilation.GetDiagnostics or
Compilation.Emit. Each of the R+1 runs compiles once and analyses four times with the package (three
timed passes and one logged pass), so the shares are per analysis pass and per compile. Unlike the
harness's clock and processor-time views, both sides are sampled in the same process at the same
time, so a busy neighbour slows both alike.
"""
import argparse
import json


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("speedscope")
    parser.add_argument("--runs", type=int, required=True, help="the --runs given to the harness")
    args = parser.parse_args()

    with open(args.speedscope) as stream:
        trace = json.load(stream)
    names = [frame["name"] for frame in trace["shared"]["frames"]]
    is_package = ["TelemetryConventions.Analyzers!" in n for n in names]
    is_binding = ["GetOperation" in n and "SemanticModel" in n for n in names]
    is_compile = ["Compilation.Emit(" in n or "Compilation.GetDiagnostics(" in n for n in names]
    is_on_processor = [n == "CPU_TIME" for n in names]

    own = binding = compile_ = 0.0
    for profile in trace["profiles"]:
        if profile["type"] != "evented":
            continue
        stack = []
        last = None
        for event in profile["events"]:
            at = event["at"]
            if last is not None and stack and is_on_processor[stack[-1]]:
                elapsed = at - last
                first_package = next((i for i, f in enumerate(stack) if is_package[f]), None)
                if first_package is not None:
                    if any(is_binding[f] for f in stack[first_package:]):
                        binding += elapsed
                    else:
                        own += elapsed
                elif any(is_compile[f] for f in stack):
                    compile_ += elapsed
            last = at
            if event["type"] == "O":
                stack.append(event["frame"])
            elif stack:
                stack.pop()

    compiles = args.runs + 1
    passes = compiles * 4
    if compile_ == 0:
        raise SystemExit("no compile samples: is this a trace of the AnalyzerCost harness?")
    per_compile = compile_ / compiles
    print(f"package's own code: {own / passes / per_compile:.1%} of a compile per analysis pass")
    print(f"with the binding it asks for: {(own + binding) / passes / per_compile:.1%}")


if __name__ == "__main__":
    main()
