"""pytest plugin (placeholder until the regression-fixture plugin lands)."""
