"""Named programmes: campaigns, plans, projects and activities run for a period."""
from __future__ import annotations

from ..knowledge import Knowledge
from . import register
from .names import component_for, shared_finder


@register("programmes", requires=("sentences",), assigns=("programmes",))
def make_programmes(knowledge: Knowledge):
    """The step setting ``article.programmes``."""
    return component_for("programme", shared_finder(knowledge))
