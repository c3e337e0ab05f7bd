"""Evaluation kinds for `marsad evaluate KIND`: one module each, with add_arguments(parser) and run(args)."""
