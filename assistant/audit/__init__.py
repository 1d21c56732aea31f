"""The gap audit of actions: rules that find what experts will question in an action plan.

- `rules`: the registry of action rules (`ACTION_RULES`, `run_action_rules`);
- `measurability`: is an indicator measurable, and why;
- `smart`: the five SMART criteria of an action;
- `roles`: owner cells split into roles, one key per role, the institution's role catalog;
- `indicator_patterns`: the reviewed library of measurable indicators, for drafting.

Everything here is pure: actions and a reference date in, findings out.
"""

from assistant.audit.base import ActionRule
from assistant.audit.indicator_patterns import (
    IndicatorLibrary,
    IndicatorPattern,
    load_indicator_patterns,
)
from assistant.audit.measurability import Measurability, assess_indicator, is_measurable
from assistant.audit.roles import RoleCatalog, RoleEntry, role_key, split_owner
from assistant.audit.rules import ACTION_RULES, get_rule, rule_names, run_action_rules
from assistant.audit.smart import smart_score
from assistant.errors import IndicatorLibraryError

__all__ = [
    "ACTION_RULES",
    "ActionRule",
    "IndicatorLibrary",
    "IndicatorLibraryError",
    "IndicatorPattern",
    "Measurability",
    "RoleCatalog",
    "RoleEntry",
    "assess_indicator",
    "get_rule",
    "is_measurable",
    "load_indicator_patterns",
    "role_key",
    "rule_names",
    "run_action_rules",
    "smart_score",
    "split_owner",
]
