"""Curated word lists, read by checkclaim.lexicon."""
