"""One size for every per-word cache of the analysis stages.

The stages memoise work per distinct word (normal forms, stems, clitic readings,
feature scores), because news repeats its vocabulary. The vocabulary is open-ended,
so each cache is capped; a cache that fills is emptied and refills with the words
that come back, which are the frequent ones. On the 5.6M-word benchmark corpus the
50,000 commonest words cover 94 % of running words; with every cache at this size
one analysis worker stays near 400 MB on an endless stream (see bench/corpus.py).
"""
WORDS = 40_000
