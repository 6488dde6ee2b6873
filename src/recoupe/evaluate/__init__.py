"""recoupe.evaluate."""
