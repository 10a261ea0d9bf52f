"""`python -m macros validate | prepare | …`: what the Makefile runs (clerks type `make validate`)."""

import sys

from .cli import main

sys.exit(main())
