#!/usr/bin/env python3
"""Regenerates the command output blocks of hardware-docs/prediction-validation.md and the README's prediction figures.

Every block is introduced by a marker line
    <!-- generated: rangeguard <arguments> [| grep <regex>] -->
and followed by a ``` fenced block, which this script replaces with the command's fresh output (filtered by the regex
when given). Placeholders in the arguments:
    {bmw-i3}   the 31 shared 1 Hz i3 trips (development set)      env RG_BMW_I3,   default ../shared/data/bmw-i3
    {holdout}  the 29 held-out original 10 Hz i3 trip files        env RG_HOLDOUT,  default ../holdout-bmw-i3
Blocks whose data folder is missing are left as they are and reported. Run from anywhere:
    python3 hardware-docs/regenerate-prediction-validation.py
"""
import os
import re
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
FILES = [os.path.join(ROOT, "hardware-docs", "prediction-validation.md"), os.path.join(ROOT, "README.md")]
PLACES = {
    "{bmw-i3}": os.environ.get("RG_BMW_I3", os.path.join(ROOT, "..", "shared", "data", "bmw-i3")),
    "{holdout}": os.environ.get("RG_HOLDOUT", os.path.join(ROOT, "..", "holdout-bmw-i3")),
}
MARKER = re.compile(r"^<!-- generated: rangeguard (.*?)(?: \| grep (.*?))? -->$")


def run(args, regex):
    argv = args.split()
    for i, a in enumerate(argv):
        for key, path in PLACES.items():
            if key in a:
                if not os.path.isdir(path):
                    return None
                argv[i] = a.replace(key, path)
    cmd = ["dotnet", "run", "--no-build", "--project", os.path.join(ROOT, "simulator", "RangeGuard.Simulator"), "--"] + argv
    out = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True).stdout
    # Absolute data paths would differ between machines: print the placeholder instead.
    for key, path in PLACES.items():
        out = out.replace(os.path.abspath(path), key).replace(path, key)
    lines = out.rstrip("\n").split("\n")
    if regex:
        lines = [l for l in lines if re.search(regex, l)]
    return lines


def main():
    subprocess.run(["dotnet", "build", "-v", "q", os.path.join(ROOT, "simulator", "RangeGuard.Simulator")], cwd=ROOT, check=True)
    for path in FILES:
        with open(path, encoding="utf-8") as f:
            text = f.read().split("\n")
        out, i, changed = [], 0, 0
        while i < len(text):
            out.append(text[i])
            m = MARKER.match(text[i])
            if m and i + 1 < len(text) and text[i + 1].startswith("```"):
                end = i + 2
                while end < len(text) and not text[end].startswith("```"):
                    end += 1
                lines = run(m.group(1), m.group(2))
                if lines is None:
                    print(f"{os.path.basename(path)}: kept (data missing): {m.group(1)}", file=sys.stderr)
                    out.extend(text[i + 1:end + 1])
                else:
                    out.append("```")
                    out.extend(lines)
                    out.append("```")
                    changed += 1
                    print(f"{os.path.basename(path)}: regenerated: {m.group(1)}", file=sys.stderr)
                i = end + 1
                continue
            i += 1
        with open(path, "w", encoding="utf-8") as f:
            f.write("\n".join(out))
        print(f"{os.path.basename(path)}: {changed} blocks regenerated", file=sys.stderr)


if __name__ == "__main__":
    main()
