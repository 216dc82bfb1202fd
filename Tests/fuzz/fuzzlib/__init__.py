"""The fuzz suite of lstm-trace: generated cases over every command's inputs, outputs and
signals, run against a built binary (see ../fuzz.py)."""
