"""``python -m evals``: run every evaluation section (see `evals.run_all`)."""

import sys

from evals.run_all import main

sys.exit(main())
