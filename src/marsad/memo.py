"""One size for every per-word cache of the analysis stages.

The stages memoise work per distinct word (normal forms, stems, clitic readings,
feature scores), because news repeats its vocabulary. The vocabulary is open-ended,
so each cache is capped; a cache that fills is emptied and refills with the words
that come back, which are the frequent ones. On the 5.6M-word benchmark corpus the
40,000 commonest words cover about 92 % of running words; with every cache at this
size one analysis worker levels off below 400 MB (bench/corpus.py), where 200,000
words cost twice that for no measurable speed.
"""
WORDS = 40_000
