"""Sizes of the per-word caches of the analysis stages.

The stages memoise work per distinct word (normal forms, stems, clitic readings,
feature scores), because news repeats its vocabulary. The vocabulary is open-ended,
so each cache is capped (most at WORDS, a few at FEW_WORDS below); a full cache drops
its least recently used words (the tagger's, its older generation), so the frequent
ones stay. On the 5.6M-word benchmark corpus the 40,000 commonest words cover about
92 % of running words; with every cache at this size one analysis worker levels off
below 400 MB (bench/corpus.py), where 200,000 words cost twice that for no measurable
speed.
"""
WORDS = 40_000

# A cache that stands behind another per-word cache sees only that one's misses, and a
# cheap test (a few string comparisons after normalising) gains little from a long
# memory: both keep this many words. On 5,000 distinct articles the two inner caches of
# `text.vocabulary` missed 76-85 % of their calls at full size, while holding 40,000 words each.
FEW_WORDS = 4_096
