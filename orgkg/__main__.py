"""``python -m orgkg`` is the ``orgkg`` command."""
import sys

from .cli import main

sys.exit(main())
