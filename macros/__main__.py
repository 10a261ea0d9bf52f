"""Lets clerks run `python -m macros validate` from the project folder."""

import sys

from .cli import main

sys.exit(main())
