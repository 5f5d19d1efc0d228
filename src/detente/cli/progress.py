"""Progress bars on stderr: done/total, a rate, elapsed and remaining time.

Quiet when stderr is not a terminal (a log file or a pipe gets no control codes). The total is
counted before the work starts (files, lines of a JSON Lines file) so the bar says how far along
it is; when it cannot be known (standard input, feeds) the bar shows the count and the rate only.
"""

from __future__ import annotations

import time
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from typing import TypeVar

from rich.progress import BarColumn, MofNCompleteColumn, Progress, ProgressColumn, Task, TextColumn, TimeElapsedColumn, TimeRemainingColumn
from rich.text import Text

from detente.cli.output import stderr

T = TypeVar("T")


class RateColumn(ProgressColumn):
    """Items per second since the task started (steadier than rich's moving estimate)."""

    def __init__(self, unit: str) -> None:
        super().__init__()
        self.unit = unit

    def render(self, task: Task) -> Text:
        elapsed = task.elapsed or 0.0
        rate = task.completed / elapsed if elapsed > 0 else 0.0
        return Text(f"{rate:.1f} {self.unit}/s", style="progress.data.speed")


class Bar:
    """One progress bar: :meth:`advance` after each item, :meth:`track` around an iterable."""

    def __init__(self, progress: Progress, task: int) -> None:
        self._progress = progress
        self._task = task
        self.started = time.monotonic()

    def advance(self, count: int = 1) -> None:
        self._progress.update(self._task, advance=count)

    def track(self, items: Iterable[T], total: int | None = None) -> Iterator[T]:
        if total is not None:
            self._progress.update(self._task, total=total)
        for item in items:
            yield item
            self.advance()


@contextmanager
def progress_bar(label: str, total: int | None, unit: str = "docs", *, enabled: bool = True) -> Iterator[Bar]:
    """A bar labelled ``label`` on stderr, shown only when stderr is a terminal and ``enabled``."""
    columns = [TextColumn(f"[bold]{label}"), BarColumn(), MofNCompleteColumn(), RateColumn(unit), TimeElapsedColumn()]
    if total is not None:
        columns.append(TimeRemainingColumn())
    progress = Progress(*columns, console=stderr, disable=not (enabled and stderr.is_terminal),
                        redirect_stdout=False, redirect_stderr=False, transient=False)
    with progress:
        yield Bar(progress, progress.add_task(label, total=total))
