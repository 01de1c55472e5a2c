"""Built-in rules, one module per family, and the registry that finds rules by name."""
