"""Kept for old instructions: the training command is ``python -m newsclean.train`` (see its help)."""

import sys

from newsclean.train import main

if __name__ == "__main__":
    sys.exit(main())
