"""checkclaim: check news statements against a reference article.

>>> import checkclaim
>>> claims = checkclaim.load_index()           # the shipped claim set, compiled and cached
>>> checkclaim.check("Kenya sends 2,500 officers to Haiti", claims).verdict
'supported'
>>> checkclaim.check("Kenya sends 3,000 officers to Haiti", claims).verdict
'contradicted'
"""

from checkclaim._version import __version__
from checkclaim.errors import CheckclaimError, ClaimFileError, ExitCode, InputError
from checkclaim.models import Claim, ClaimSet, Reason, Result, Sentence
from checkclaim.pipeline import build, check, check_many, load_claims, load_index, review

__all__ = [
    "CheckclaimError",
    "Claim",
    "ClaimFileError",
    "ClaimSet",
    "ExitCode",
    "InputError",
    "Reason",
    "Result",
    "Sentence",
    "__version__",
    "build",
    "check",
    "check_many",
    "load_claims",
    "load_index",
    "review",
]
