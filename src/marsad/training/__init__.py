"""Training kinds for `marsad train KIND`: one module each, with add_arguments(parser) and run(args)."""
