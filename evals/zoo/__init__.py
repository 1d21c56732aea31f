"""The layout zoo: plan layouts institutions really use, built and rendered like real files.

See ``evals/zoo/README.md``; ``python -m evals.zoo.build`` regenerates ``rendered/`` and
``python -m evals.zoo_eval`` scores the parser on it.
"""
