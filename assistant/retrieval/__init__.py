"""Search over the evidence of a workspace: embeddings (Chroma), French BM25, and their fusion.

Start with `workspace_indexes.open_retriever(workspace_dir, settings)`, which returns a
`hybrid.HybridRetriever` in step with the workspace database. The pieces, each behind a
small interface so that tests and evaluations can swap them:

- `embedder` / `sentence_embedder`: texts to vectors, offline (packaged MiniLM by default);
- `embedding_cache`: vectors kept by (model, text hash) so unchanged text is never re-embedded;
- `vector_store`: the `VectorStore` interface and Chroma (workspace folder, server or memory);
- `french` / `lexical`: French tokenization and BM25;
- `hybrid`: reciprocal rank fusion of the two rankings;
- `langchain_retriever`: the same search as a LangChain retriever;
- `workspace_indexes`: passages of a workspace and the ``reindex`` hook.

Nothing is imported here, so that importing the package stays cheap (no torch, no Chroma).
"""
