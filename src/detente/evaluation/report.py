"""Printing an evaluation report as rich tables (stderr is for messages; this is data: stdout)."""

from __future__ import annotations

from rich.console import Console
from rich.table import Table

CLASSES = ["0 stmt/appeal", "1 verbal coop", "2 material coop", "3 verbal conflict", "4 material conflict"]


def render_report(report: dict, console: Console | None = None) -> None:
    console = console or Console()
    console.print(f"[bold]{report.get('file', '')}[/bold]: {report['sentences']} sentences")
    if "scores" in report:
        table = Table(title="Event scores (micro)")
        for column in ("level", "precision", "recall", "f1", "tp", "fp", "fn"):
            table.add_column(column)
        names = {"triple": "triple (src, tgt, root)", "code": "triple, full CAMEO code", "root": "type: CAMEO root", "plover": "type: PLOVER"}
        for level, scores in report["scores"].items():
            table.add_row(names[level], *(str(scores[k]) for k in ("precision", "recall", "f1", "tp", "fp", "fn")))
        if "baseline" in report:
            base = report["baseline"]["triple"]
            table.add_row(f"triple, {report['baseline']['name']} baseline", *(str(base[k]) for k in ("precision", "recall", "f1", "tp", "fp", "fn")))
        console.print(table)
        console.print(f"false-alarm rate on no-event sentences: {report['false_alarm_rate']} (n={report['empty_sentences']})")
        console.print(f"modality accuracy on gold events whose root was found: {report['modality_accuracy']}")
    if "pentaclass" in report:
        penta = report["pentaclass"]
        console.print(f"pentaclass accuracy: [bold]{penta['accuracy']}[/bold] (n={penta['n']}; CAMEO 16 as material conflict)")
        console.print(f"pentaclass accuracy with CAMEO 16 as verbal conflict (as ConfliBERT labels it): {penta['accuracy_16_verbal']}")
        table = Table(title="Confusion (rows gold, columns predicted)")
        table.add_column("gold \\ pred")
        for name in CLASSES:
            table.add_column(name.split()[0])
        for i, row in enumerate(penta["confusion"]):
            table.add_row(CLASSES[i], *(str(v) for v in row))
        console.print(table)
    if "spans" in report:
        spans = report["spans"]
        console.print(
            f"source-span recall: {spans['source_event_recall']} (events), {spans['source_mention_recall']} (actor mentions), n={spans['source_total']}"
        )
        console.print(
            f"target-span recall: {spans['target_event_recall']} (events), {spans['target_mention_recall']} (actor mentions), n={spans['target_total']}"
        )


def render_article_report(report: dict, console: Console | None = None, missed: bool = True) -> None:
    """The article-level scores, the co-occurrence baseline beside them, and each missed event."""
    console = console or Console()
    totals = report["totals"]
    console.print(f"[bold]{report.get('file', '')}[/bold]: {totals['articles']} articles, {totals['events']} events")
    table = Table(title="Article-level scores")
    for column in ("coder", "required", "required recall", "optional recall", "violations", "events with both sides"):
        table.add_column(column)
    rows = [("detente", totals)]
    if "baseline" in report:
        rows.append(("baseline", report["baseline"]["totals"]))
    for name, t in rows:
        table.add_row(
            name, f"{t['required_found']}/{t['required']}", str(t["required_recall"]), str(t["optional_recall"]),
            str(t["violations"]), str(t["both_sides_share"]),
        )
    console.print(table)
    if "baseline" in report:
        console.print(f"baseline: {report['baseline']['name']} (detente's events; the first country of the sentence as actor, the second or the first again as recipient)")
    for article in report["articles"]:
        for violation in article["violations"]:
            console.print(f"[red]violation[/red] {article['id']} {violation['id']}: {violation['sentences'][0][:160]}")
    if not missed:
        return
    for article in report["articles"]:
        for miss in article["missed"]:
            near = miss["closest"]
            if near is None:
                console.print(f"[yellow]missed[/yellow] {article['id']} {miss['id']}: no event coded")
                continue
            console.print(
                f"[yellow]missed[/yellow] {article['id']} {miss['id']}: closest {near['cameo']} "
                f"{'/'.join(near['actor'])} -> {'/'.join(near['recipient'])} ({near['modality']}, {near['attribution']}) "
                f"on {near['trigger']!r}; differs in {', '.join(near['differs']) or 'attribution'}"
            )
