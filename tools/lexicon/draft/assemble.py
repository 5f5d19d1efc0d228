#!/usr/bin/env python3
"""Typing helper: turn space-separated drafts (`CODE pattern  # note`) into TSV."""
import re, sys
from pathlib import Path
D = Path(__file__).parent
OUT = D.parents[2] / "src" / "detente" / "data" / "lexicon"

def conv(lines):
    out = []
    for l in lines:
        s = l.rstrip()
        if not s.strip() or s.lstrip().startswith('#'):
            out.append(s); continue
        note = ''
        if '#' in s:
            s, note = s.split('#', 1); note = note.strip(); s = s.rstrip()
        if '\t' in s:
            code, pat = s.split('\t', 1)
        else:
            code, pat = s.split(None, 1)
        pat = ' '.join(pat.split())
        out.append(f"{code.strip()}\t{pat}" + (f"\t# {note}" if note else ''))
    return out

for kind in sys.argv[1:]:
    header = (D / f"{kind}_header.txt").read_text().rstrip('\n').split('\n')
    body = []
    for f in sorted(D.glob(f"{kind}_[0-9]*.txt")):
        body += conv(f.read_text().split('\n'))
    (OUT / f"{kind}.tsv").write_text('\n'.join(header + [''] + body).rstrip('\n') + '\n')
    print(kind, len(body))
