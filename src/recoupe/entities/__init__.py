"""The entity layer: the bare model's entities corrected, then grouped into clusters
("Vladimir Poutine", "Poutine" → one person). The spaCy component is
``recoupe.pipeline.entities``; docs/entities.md tells what each rule does and what it
gains on French Wikinews.

One module per job, in the order they run:

- ``corrections``: split a span at a spaced dash, split a nationality off a name, fix
  the edges (``edges``), drop what is no name (``filters``), retype nationalities as
  MISC (``filters``), add the repeats of a name the model missed;
- ``clusters``: group the mentions of one entity and give the cluster a type;
- ``names``, ``lexicon``, ``tokens``: what they share (comparing names, what the model's
  lemmatizer tables know of French words, where a token stands).
"""
