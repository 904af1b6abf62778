import os
import sys

from .cli import main

code = main()
# Leave without running native libraries' static destructors: pyarrow's and LightGBM's thread pools can abort the
# interpreter's teardown ("terminate called without an active exception", exit -6) after the work is done and the
# exit code decided. Every output file is already closed and renamed into place by now; only the streams need
# flushing.
sys.stdout.flush()
sys.stderr.flush()
os._exit(code)
