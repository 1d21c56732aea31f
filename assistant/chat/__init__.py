"""The conversation service: questions about a plan, answered with citations, no LLM needed.

- `service`: `ConversationService(workspace, settings).ask(question, conversation_id)` and
  `.stream(...)`; the one entry point of the adapters;
- `models`: `Question`, `Answer`, `Citation`, `Conversation`, `Focus`, `Intent`;
- `intents`, `lexicon`, `entities`, `text`: rule-based understanding of French questions;
- `knowledge`, `resolve`: the workspace as the conversation sees it (cached audit);
- `answers_*`, `reply`, `wording`: the composed answers of the default mode;
- `grounding`: the check that every claim is supported by what it cites;
- `llm`, `tools`: the optional LLM mode (LangChain tool calling over the same queries);
- `formatting`: numbered citations for a human reader.
"""

from assistant.chat.formatting import numbered
from assistant.chat.service import ConversationService
from assistant.schema.chat import Answer, Citation, Conversation, Focus, Intent, Question

__all__ = [
    "Answer",
    "Citation",
    "Conversation",
    "ConversationService",
    "Focus",
    "Intent",
    "Question",
    "numbered",
]
