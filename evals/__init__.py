"""Quality evaluations of plan-assistant against the hand-made gold in ``../shared``.

Each evaluation is a *section* (see `evals.run_all`): today the parser (`evals.parser_eval`);
the retrieval/mapping and drafting evaluations of later issues plug in the same way.
``python -m evals`` runs them all; ``make eval`` calls it. The seeds and gold are read from
``../shared`` next to the repository and are never copied into it.
"""
