"""The one French text package: folding, elisions, inclusive writing, stopwords, stems, months.

Plans, expert reports and questions are French written by many hands: curly and straight
apostrophes, elided articles (« l'évaluation »), inclusive writing (« Coordinateur·rice »,
« coordinateur.trice », « coordinateur(trice) », « étudiant·e·s »), accents typed or not.
Extraction, retrieval (BM25), the audit and the chat all fold these the same way by
importing them from here; the word lists live as data files in ``data/``.

- `folding`: apostrophes, accents, elisions, inclusive writing;
- `stopwords`: the stop lists (BM25, wording comparison, language detection);
- `stems`: the Snowball French stemmer;
- `months`: month names and abbreviations, as words and as regular expressions.

Nothing is imported here, so that importing one module stays cheap.
"""
