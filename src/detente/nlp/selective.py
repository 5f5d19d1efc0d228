"""Run the parser and the NER only on the sentences that can hold an event.

A sentence can hold an event only if one of its lemmas is a trigger of the event lexicon. The
component splits the document into sentences by rule (after . ! ? and at line breaks), runs the statistical parser and NER (disabled in the main pipeline) on the
candidate sentences only, and writes their trees and entities back into the document. Other
sentences get a flat tree and keep the knowledge-base entities the entity ruler found, so known
actors are still coded there. The NER (with its own embedding layer) and the parser are most of
the pipeline's cost, so skipping them where no event can be found is what lets the full coder
run faster than bare spaCy.
"""

from __future__ import annotations

import numpy as np
from spacy.attrs import DEP, HEAD, LEMMA, LOWER, SENT_START
from spacy.language import Language
from spacy.tokens import Doc, Span


class SelectiveAnalysis:
    def __init__(self, nlp: Language, name: str, parser: str, ner: str, triggers: list[str]) -> None:
        self.name = name
        self.nlp = nlp
        self.parser_name, self.ner_name = parser, ner
        self.triggers = np.array(sorted({nlp.vocab.strings.add(t) for t in triggers}), dtype=np.uint64)
        self.enders = np.array(sorted(nlp.vocab.strings.add(p) for p in (".", "!", "?", "...", "…")), dtype=np.uint64)
        self.root_label = nlp.vocab.strings.add("ROOT")
        self.dep_label = nlp.vocab.strings.add("dep")
        self.skipped = 0
        self.parsed = 0

    def __call__(self, doc: Doc) -> Doc:
        return next(iter(self.pipe([doc])))

    def pipe(self, docs, batch_size: int = 64):
        """Candidate sentences of a whole batch of documents go through the parser and NER
        together (batching is what keeps the statistical models fast)."""
        batch: list[Doc] = []
        for doc in docs:
            batch.append(doc)
            if len(batch) >= batch_size:
                yield from self._process(batch)
                batch = []
        if batch:
            yield from self._process(batch)

    def _process(self, docs: list[Doc]) -> list[Doc]:
        plans = []
        subdocs: list[Doc] = []
        for doc in docs:
            sentences, candidates = self._candidates(doc)
            plans.append((doc, sentences, candidates, len(subdocs)))
            subdocs.extend(s.as_doc() for s in candidates)
        if subdocs:
            parser, ner = self.nlp.get_pipe(self.parser_name), self.nlp.get_pipe(self.ner_name)
            subdocs = list(ner.pipe(parser.pipe(subdocs, batch_size=256), batch_size=256))
        for doc, sentences, candidates, first in plans:
            parsed = {s.start: subdocs[first + k] for k, s in enumerate(candidates)}
            self._write_back(doc, sentences, parsed)
        return docs

    def _candidates(self, doc: Doc) -> tuple[list[Span], list[Span]]:
        """Sentences (rule-based: after . ! ? and at line breaks) and those with a trigger lemma."""
        values = doc.to_array([LEMMA, LOWER, SENT_START]).astype(np.int64)
        n = len(doc)
        starts = np.zeros(n, dtype=bool)
        if n:
            starts[0] = True
            starts |= values[:, 2] == 1  # line breaks set by detente_paragraphs
            enders = np.isin(values[:, 1].astype(np.uint64), self.enders)
            starts[1:] |= enders[:-1] & ~enders[1:]
        bounds = list(np.flatnonzero(starts)) + [n]
        hits = np.isin(values[:, 0].astype(np.uint64), self.triggers) | np.isin(values[:, 1].astype(np.uint64), self.triggers)
        sentences, candidates = [], []
        for start, end in zip(bounds, bounds[1:]):
            span = doc[int(start) : int(end)]
            sentences.append(span)
            if hits[start:end].any():
                candidates.append(span)
        self.parsed += len(candidates)
        self.skipped += len(sentences) - len(candidates)
        return sentences, candidates

    def _write_back(self, doc: Doc, sentences: list[Span], parsed: dict[int, Doc]) -> None:
        heads = np.zeros((len(doc), 2), dtype=np.uint64)
        entities = []
        ents = list(doc.ents)
        for sentence in sentences:
            sub = parsed.get(sentence.start)
            if sub is None:
                # a flat tree: every word hangs on the sentence's first token
                heads[sentence.start, 1] = self.root_label
                for i in range(sentence.start + 1, sentence.end):
                    heads[i, 0] = np.int64(sentence.start - i).astype(np.uint64)
                    heads[i, 1] = self.dep_label
                entities.extend(e for e in ents if sentence.start <= e.start and e.end <= sentence.end)
            else:
                heads[sentence.start : sentence.end] = sub.to_array([HEAD, DEP]).astype(np.uint64)
                offset = sentence.start
                entities.extend(
                    Span(doc, e.start + offset, e.end + offset, label=e.label_, kb_id=e.kb_id_, span_id=e.id_) for e in sub.ents
                )
        doc.from_array([HEAD, DEP], heads)
        doc.ents = entities


@Language.factory(
    "detente_selective",
    default_config={"parser": "parser", "ner": "ner", "triggers": []},
    requires=["token.lemma"],
    assigns=["token.dep", "token.head", "token.is_sent_start", "doc.ents"],
)
def make_selective(nlp: Language, name: str, parser: str, ner: str, triggers: list[str]) -> SelectiveAnalysis:
    return SelectiveAnalysis(nlp, name, parser, ner, triggers)
