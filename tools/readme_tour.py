#!/usr/bin/env python3
"""Rerun the README tour's console commands in a fresh folder and paste their real output.

The README's ```console blocks are the tour: each `$ command` line is followed by what it printed.
tests/test_readme.py checks that the commands still run and print the same first line; after a
change to the coder, run this to refresh the pasted output (then read the diff).

Usage: python tools/readme_tour.py [--check]
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
README = ROOT / "README.md"


def run_tour(text: str, folder: Path) -> str:
    executable = Path(sys.executable).parent / "detente"
    env = dict(os.environ, PATH=f"{executable.parent}{os.pathsep}{os.environ.get('PATH', '')}", COLUMNS="100",
               DETENTE_DB=str(folder / "default.duckdb"), DETENTE_WORKERS="1")
    env.pop("DETENTE_TOKEN", None)
    out: list[str] = []
    in_block = skipping = False
    for line in text.splitlines():
        if line.startswith("```console"):
            in_block = True
            out.append(line)
            continue
        if in_block and line.startswith("```"):
            in_block = skipping = False
            out.append(line)
            continue
        if in_block and line.startswith("$ "):
            done = subprocess.run(["bash", "-o", "pipefail", "-c", line[2:]], cwd=folder, env=env,
                                  stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, timeout=900)
            if done.returncode:
                raise SystemExit(f"{line}\n{done.stdout}")
            out.append(line)
            out.extend(l.rstrip() for l in done.stdout.rstrip("\n").splitlines())
            skipping = True
            continue
        if in_block and skipping:
            continue
        out.append(line)
    return "\n".join(out) + "\n"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--check", action="store_true", help="only report whether the README is current")
    args = parser.parse_args()
    text = README.read_text(encoding="utf-8")
    with tempfile.TemporaryDirectory() as tmp:
        shutil.copytree(ROOT / "examples", Path(tmp) / "examples")
        new = run_tour(text, Path(tmp))
    if args.check:
        print("README tour is current" if new == text else "README tour output differs")
        return int(new != text)
    README.write_text(new, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
