"""Named programmes: campaigns, plans, projects and activities run for a period."""
from __future__ import annotations

from . import register
from .names import component_for


@register("programmes", requires=("sentences",), assigns=("programmes",))
def make_programmes():
    """The step adding the article's programmes to ``article.measures``."""
    return component_for("programme")
