"""Event coding: trigger lexicon, candidates, arguments and the event records."""
