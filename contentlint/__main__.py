"""Run contentlint as ``python -m contentlint``.

``python -m`` puts the current directory first on ``sys.path``, so a ``yaml.py`` or ``click.py`` in
the folder being linted would be imported in place of the real library. The entry drops that path
before importing anything else; contentlint's own modules are found through the package itself.
"""

import os
import sys

if sys.path and sys.path[0] in ("", os.getcwd()):
    del sys.path[0]

from contentlint.cli import main

main()
