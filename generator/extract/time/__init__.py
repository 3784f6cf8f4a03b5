"""Time: TIMEX3 expressions normalised against the article date (`timex`, with its rule grammar
in `rules`, `patterns`, `values` and `calendar`), and the dated events of the timeline
(`timeline`)."""
