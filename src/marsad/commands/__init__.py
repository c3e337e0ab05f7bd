"""Sub-commands of `marsad`: one module each, with `register(subparsers)`."""
