"""Summarises a JFR recording's CPU samples (jdk.ExecutionSample): the hottest frames by their own
samples, and the share of samples that pass through each of a few marked frames.

    python3 jfr-top.py JFR_BIN recording.jfr [marker …]
"""
import collections
import re
import subprocess
import sys

jfr, path, markers = sys.argv[1], sys.argv[2], sys.argv[3:]
text = subprocess.run([jfr, "print", "--events", "jdk.ExecutionSample", "--stack-depth", "200", path],
                      capture_output=True, text=True, check=True).stdout
stacks = []
for event in text.split("jdk.ExecutionSample")[1:]:
    m = re.search(r"stackTrace = \[(.*?)\n\s*\]", event, re.S)
    if m:
        frames = [re.sub(r"\s+line:.*", "", f.strip()) for f in m.group(1).strip().split("\n") if f.strip()]
        stacks.append([f for f in frames if f != "..."])
n = len(stacks) or 1
print(f"{len(stacks)} samples")
own = collections.Counter(s[0] for s in stacks if s)
print("top frames (own samples):")
for frame, c in own.most_common(15):
    print(f"  {100 * c / n:5.1f} %  {frame[:150]}")
pkg = collections.Counter(".".join(s[0].split("(")[0].split(".")[:3]) for s in stacks if s)
print("own samples by package:")
for p, c in pkg.most_common(12):
    print(f"  {100 * c / n:5.1f} %  {p}")
if markers:
    print("samples through:")
    for marker in markers:
        c = sum(1 for s in stacks if any(marker in f for f in s))
        print(f"  {100 * c / n:5.1f} %  {marker}")
