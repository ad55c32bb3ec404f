"""Mediaplan: plan, run and report a public information campaign against violent extremism."""
