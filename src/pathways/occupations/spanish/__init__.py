"""The project's own Spanish occupation content: reviewed data files, read by the Spanish pages."""
