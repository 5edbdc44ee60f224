"""New Mexico Career Pathways."""
