"""Named initiatives: mechanisms, systems, methods, platforms, brands and policy documents."""
from __future__ import annotations

from . import register
from .names import component_for


@register("initiatives", requires=("sentences",), assigns=("initiatives",))
def make_initiatives():
    """The step adding the article's initiatives to ``article.measures``."""
    return component_for("initiative")
