"""Sentences with clear verdicts against the shipped article, shared by the review tests.

Clear verdicts only: the engine is tuned while these tests stand.
"""

SUPPORTED = (
    "Reports indicate that armed groups control around 80 percent of Port-au-Prince, "
    "severely impacting public safety and the rule of law."
)
CONTRADICTED = "Reports indicate that armed groups control around 30 percent of Port-au-Prince."
UNKNOWN = "The Eiffel Tower in Paris drew 7 million visitors in 2023."
NOTHING = "The moon is made of cheese."
