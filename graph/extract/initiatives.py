"""Named initiatives: mechanisms, systems, methods, platforms, brands and policy documents."""
from __future__ import annotations

from ..knowledge import Knowledge
from . import register
from .names import component_for, shared_finder


@register("initiatives", requires=("sentences",), assigns=("initiatives",))
def make_initiatives(knowledge: Knowledge):
    """The step setting ``article.initiatives``."""
    return component_for("initiative", shared_finder(knowledge))
