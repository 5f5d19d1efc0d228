"""Run the parser and the NER only where they can change the coding.

A sentence can hold an event only if one of its lemmas is a trigger of the event lexicon. The
component splits the document into sentences by rule (after . ! ? and at line breaks), runs the
statistical parser (disabled in the main pipeline) on the candidate sentences only, and writes
their trees back into the document. Other sentences get a flat tree.

The statistical NER (also disabled in the main pipeline) runs on a candidate sentence only when
the sentence has a word the knowledge-base entity ruler left unexplained and the NER could label:
a proper noun or a capitalised word inside the sentence (but not a role word, "President" or
"Prime Minister", that titles a name the ruler found), a number written in digits, a currency
sign, or a word that heads a date or time expression ("Tuesday", "last week"). Elsewhere the
entities of the knowledge base are all the NER could have added for coding, and they are kept.

This is an approximation, so it is opt-in (``Settings(prefilter=True)``, ``--prefilter``): the
rule-based sentences are not always the parser's (a closing quote after the full stop starts the
next one), a sentence parsed or tagged out of its document can get another tree or other
entities, and names in sentences without a trigger, which later mentions resolve through, go
untagged. On news these change some events; see docs/scaling.md.
"""

from __future__ import annotations

import numpy as np
from spacy.attrs import DEP, ENT_IOB, HEAD, IS_ALPHA, IS_CURRENCY, IS_TITLE, LEMMA, LIKE_NUM, LOWER, POS, SENT_START
from spacy.language import Language
from spacy.parts_of_speech import PROPN
from spacy.tokens import Doc, Span

from detente.nlp.hashes import contains, hash_table

# Words that head a date or time expression the NER tags DATE or TIME without a capital letter
# or a digit ("last week", "two days ago", "this morning").
DATE_WORDS = frozenset(
    """today yesterday tomorrow tonight day days week weeks weekend month months year years decade
    decades century centuries morning afternoon evening night hour hours minute minutes ago earlier
    later season spring summer autumn fall winter quarter""".split()
)
# Months and weekdays count when capitalised, also at the start of a sentence ("May 9 ...",
# "Monday's vote"); in lower case, "may" and "march" are a verb.
DATE_NAMES = frozenset(
    """january february march april may june july august september october november december
    jan feb mar apr jun jul aug sep sept oct nov dec monday tuesday wednesday thursday friday
    saturday sunday""".split()
)


def _sentence_docs(doc: Doc, sentences: list[Span]) -> list[Doc]:
    """Each sentence as a Doc of its own (tags, lemmas, ruler entities and tensor copied); the
    document's attribute array is read once, not once per sentence as ``as_doc`` would."""
    if not sentences:
        return []
    if len(sentences) == 1 and sentences[0].start == 0 and sentences[0].end == len(doc):
        return [doc]  # a one-sentence document is analysed in place: a copy would be the same
    array_attrs = getattr(doc, "_get_array_attrs", None)  # spaCy's own shortcut for as_doc
    if array_attrs is None:
        return [s.as_doc() for s in sentences]
    head = array_attrs()
    array = doc.to_array(head)
    return [s.as_doc(array_head=head, array=array) for s in sentences]


class SelectiveAnalysis:
    def __init__(
        self, nlp: Language, name: str, parser: str, ner: str, triggers: list[str], selective_ner: bool = True,
        role_words: list[str] = (),
    ) -> None:
        self.name = name
        self.nlp = nlp
        self.parser_name, self.ner_name = parser, ner
        self.selective_ner = selective_ner
        self.triggers = hash_table(nlp.vocab, triggers)
        self.enders = hash_table(nlp.vocab, (".", "!", "?", "...", "…"))
        self.date_words = hash_table(nlp.vocab, DATE_WORDS)
        self.date_names = hash_table(nlp.vocab, DATE_NAMES)
        self.role_words = hash_table(nlp.vocab, role_words)
        self.root_label = nlp.vocab.strings.add("ROOT")
        self.dep_label = nlp.vocab.strings.add("dep")
        self.skipped = 0  # sentences with neither parser nor NER
        self.parsed = 0  # sentences parsed
        self.tagged = 0  # sentences parsed and given to the NER

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
        needs_ner: list[bool] = []
        for doc in docs:
            sentences, candidates, names = self._candidates(doc)
            plans.append((doc, sentences, candidates, len(subdocs)))
            subdocs.extend(_sentence_docs(doc, candidates))
            needs_ner.extend(names)
        if subdocs:
            parser, ner = self.nlp.get_pipe(self.parser_name), self.nlp.get_pipe(self.ner_name)
            subdocs = list(parser.pipe(subdocs, batch_size=256))
            tagged = iter(ner.pipe([d for d, needed in zip(subdocs, needs_ner) if needed], batch_size=256))
            subdocs = [next(tagged) if needed else d for d, needed in zip(subdocs, needs_ner)]
        for doc, sentences, candidates, first in plans:
            parsed = {s.start: (subdocs[first + k], needs_ner[first + k]) for k, s in enumerate(candidates)}
            self._write_back(doc, sentences, parsed)
        return docs

    def _candidates(self, doc: Doc) -> tuple[list[Span], list[Span], list[bool]]:
        """Sentences (rule-based: after . ! ? and at line breaks), those with a trigger lemma,
        and for each of those whether the NER must see it."""
        n = len(doc)
        if not n:
            return [], [], []
        values = doc.to_array([LEMMA, LOWER, SENT_START, POS, IS_TITLE, LIKE_NUM, IS_ALPHA, IS_CURRENCY, ENT_IOB])
        lower = values[:, 1]
        starts = np.zeros(n, dtype=bool)
        starts[0] = True
        starts |= values[:, 2].astype(np.int64) == 1  # line breaks set by detente_paragraphs
        enders = contains(self.enders, lower)
        starts[1:] |= enders[:-1] & ~enders[1:]
        bounds = np.flatnonzero(starts).tolist() + [n]
        hits = contains(self.triggers, values[:, 0]) | contains(self.triggers, lower)
        if self.selective_ner:
            unexplained = (values[:, 8] == 0) | (values[:, 8] == 2)  # outside every ruler entity
            nameable = (
                (values[:, 3] == PROPN)
                | ((values[:, 4] == 1) & ~starts)  # a capitalised word inside the sentence
                | ((values[:, 5] == 1) & (values[:, 6] == 0))  # a number in digits
                | (values[:, 7] == 1)
                | contains(self.date_words, lower)
                | (contains(self.date_names, lower) & (values[:, 4] == 1))
            )
            nameable &= unexplained
            nameable[self._titles(values[:, 8], contains(self.role_words, lower) & nameable)] = False
        sentences, candidates, names = [], [], []
        for start, end in zip(bounds, bounds[1:]):
            span = doc[start:end]
            sentences.append(span)
            if hits[start:end].any():
                candidates.append(span)
                names.append(bool(nameable[start:end].any()) if self.selective_ner else True)
        self.parsed += len(candidates)
        self.tagged += sum(names)
        self.skipped += len(sentences) - len(candidates)
        return sentences, candidates, names

    @staticmethod
    def _titles(iob: np.ndarray, role: np.ndarray) -> list[int]:
        """Positions of role words that title a name the ruler found ("President" and "Prime
        Minister" before a known person): the NER would leave them out of the name anyway."""
        titles: set[int] = set()
        for i in np.flatnonzero(role)[::-1].tolist():
            nxt = i + 1
            if nxt < len(iob) and (iob[nxt] == 3 or nxt in titles):
                titles.add(i)
        return sorted(titles)

    def _write_back(self, doc: Doc, sentences: list[Span], parsed: dict[int, tuple[Doc, bool]]) -> None:
        heads = np.zeros((len(doc), 2), dtype=np.uint64)
        entities = []
        ents = list(doc.ents)
        for sentence in sentences:
            sub, tagged = parsed.get(sentence.start, (None, False))
            if sub is None:
                # a flat tree: every word hangs on the sentence's first token
                heads[sentence.start, 1] = self.root_label
                for i in range(sentence.start + 1, sentence.end):
                    heads[i, 0] = np.int64(sentence.start - i).astype(np.uint64)
                    heads[i, 1] = self.dep_label
            else:
                heads[sentence.start : sentence.end] = sub.to_array([HEAD, DEP]).astype(np.uint64)
            if tagged:
                offset = sentence.start
                entities.extend(
                    Span(doc, e.start + offset, e.end + offset, label=e.label_, kb_id=e.kb_id_, span_id=e.id_) for e in sub.ents
                )
            else:  # the knowledge-base entities the ruler found stand
                entities.extend(e for e in ents if sentence.start <= e.start and e.end <= sentence.end)
        doc.from_array([HEAD, DEP], heads)
        doc.ents = entities


@Language.factory(
    "detente_selective",
    default_config={"parser": "parser", "ner": "ner", "triggers": [], "selective_ner": True, "role_words": []},
    requires=["token.lemma"],
    assigns=["token.dep", "token.head", "token.is_sent_start", "doc.ents"],
)
def make_selective(
    nlp: Language, name: str, parser: str, ner: str, triggers: list[str], selective_ner: bool, role_words: list[str]
) -> SelectiveAnalysis:
    return SelectiveAnalysis(nlp, name, parser, ner, triggers, selective_ner, role_words)
