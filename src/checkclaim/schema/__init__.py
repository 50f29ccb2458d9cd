"""JSON Schemas of the machine output formats."""
