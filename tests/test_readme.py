"""The README's tour runs as written on a fresh clone.

Every ```console block of README.md is run: each ``$ command`` in a fresh temporary directory that
holds only the repository files a clone has (``examples/``), with the project's ``detente`` console
script first on PATH (found beside ``sys.executable``, as ``make test`` installs it). A command must
exit 0, and the first line of the output pasted under it must be the first line it prints (so the
pasted output cannot drift in shape; the coded values may change as the coder improves).
Reference examples that cannot run anywhere (URLs, servers) are ```sh blocks, not ```console.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
README = ROOT / "README.md"
CLONE_DIRS = ("examples",)  # what the tour may use: files tracked in the repository


@dataclass
class Command:
    line: str
    shown: list[str] = field(default_factory=list)


def console_commands(text: str) -> list[Command]:
    commands: list[Command] = []
    for block in re.findall(r"^```console\n(.*?)^```", text, flags=re.MULTILINE | re.DOTALL):
        current = None
        for line in block.splitlines():
            if line.startswith("$ "):
                current = Command(line[2:].strip())
                commands.append(current)
            elif current is not None:
                current.shown.append(line)
    return commands


def _normal(line: str) -> str:
    return " ".join(line.split())


def test_parser_reads_commands_and_their_output():
    text = "x\n```console\n$ detente a  # note\nout 1\nout 2\n$ detente b\n```\n```sh\n$ not run\n```\n"
    assert [(c.line, c.shown) for c in console_commands(text)] == [("detente a  # note", ["out 1", "out 2"]), ("detente b", [])]


def test_tour_uses_only_repository_files():
    for command in console_commands(README.read_text(encoding="utf-8")):
        for token in command.line.split():
            if "/" in token and not token.startswith(("http", "-")):
                assert token.split("/")[0] in CLONE_DIRS, f"{command.line!r} uses {token}, which a clone lacks"
                assert (ROOT / token).exists(), f"{command.line!r}: {token} is not in the repository"


@pytest.mark.model
def test_readme_tour_runs_as_written(tmp_path):
    commands = console_commands(README.read_text(encoding="utf-8"))
    assert len(commands) >= 6 and commands[0].line.startswith("detente code examples/article.txt")
    executable = Path(sys.executable).parent / "detente"
    if not executable.exists():
        pytest.skip(f"no detente console script beside {sys.executable}: install the project (make test does)")
    for name in CLONE_DIRS:
        shutil.copytree(ROOT / name, tmp_path / name)
    env = dict(os.environ, PATH=f"{executable.parent}{os.pathsep}{os.environ.get('PATH', '')}", COLUMNS="100",
               DETENTE_DB=str(tmp_path / "default.duckdb"), DETENTE_WORKERS="1")
    env.pop("DETENTE_TOKEN", None)
    for command in commands:
        done = subprocess.run(["bash", "-o", "pipefail", "-c", command.line], cwd=tmp_path, env=env,
                              stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, timeout=600)
        assert done.returncode == 0, f"$ {command.line}\n{done.stdout}"
        shown = [line for line in command.shown if line.strip()]
        if shown:
            printed = [_normal(line) for line in done.stdout.splitlines() if line.strip()]
            assert printed and printed[0] == _normal(shown[0]), f"$ {command.line}\nREADME shows {shown[0]!r}, got:\n{done.stdout}"
