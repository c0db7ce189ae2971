"""CLI command groups kept out of cli.py: `network`/`plot` (network_commands), `dict` (dict_commands)."""
