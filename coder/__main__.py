"""`python -m coder` runs the command line, like the `coder` script."""

from coder.cli import app

app(prog_name="coder")
