"""plan-assistant core: structured, cited action plans. No HTTP or terminal UI code lives here."""
