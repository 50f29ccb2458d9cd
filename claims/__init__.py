"""The shipped claim set: the article and its claim file (installed as checkclaim.claims)."""
