"""Execute examples/network_analysis.ipynb so the example cannot rot: every cell must run, the corpus must
yield events and dyads, and the plot cells must produce images."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

nbformat = pytest.importorskip("nbformat")
nbclient = pytest.importorskip("nbclient")

REPO = Path(__file__).resolve().parent.parent
NOTEBOOK = REPO / "examples" / "network_analysis.ipynb"


def test_network_notebook_executes(tmp_path, monkeypatch):
    # The kernel is a fresh process: make the checkout importable even when coder is not pip-installed.
    monkeypatch.setenv("PYTHONPATH", os.pathsep.join(filter(None, [str(REPO), os.environ.get("PYTHONPATH")])))
    monkeypatch.setenv("MPLBACKEND", "module://matplotlib_inline.backend_inline")
    notebook = nbformat.read(NOTEBOOK, as_version=4)
    client = nbclient.NotebookClient(notebook, timeout=600, kernel_name="python3",
                                     resources={"metadata": {"path": str(tmp_path)}})
    client.execute()          # raises CellExecutionError, naming the cell, if any cell fails

    outputs = [output for cell in notebook.cells if cell.cell_type == "code" for output in cell.outputs]
    text = "".join(output.get("text", "") for output in outputs if output.output_type == "stream")
    coded = re.search(r"events coded: (\d+) from (\d+) of (\d+) texts", text)
    assert coded, text
    events, texts, corpus = map(int, coded.groups())
    assert corpus >= 12
    assert events >= 10 and texts >= 10, "the coder found too few events in the example corpus"
    network = re.search(r"(\d+) actors, (\d+) dyads", text)
    assert network and int(network.group(2)) >= 5, text
    images = [output for output in outputs if "image/png" in output.get("data", {})]
    assert len(images) == 3
    assert "network.graphml:" in text and "network.gexf:" in text and "network.csv:" in text
    assert list(tmp_path.iterdir()) == []     # the export cell cleans up after itself
