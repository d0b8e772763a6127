import gc

from viften.cli import main

code = main()
# Skip the interpreter's last collection over numpy, scipy and DuckDB's objects: it costs
# 70 to 130 ms on every command and frees nothing the exit does not free anyway.
gc.freeze()
raise SystemExit(code)
