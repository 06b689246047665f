"""Text normalisation shared by the models and the filters."""

import re
import unicodedata

_NOT_WORD = re.compile(r"[\W_]+", re.UNICODE)


def fold(text):
    """Case-fold for matching: 'ÕUN' and 'õun' become the same; Estonian letters are kept."""
    return unicodedata.normalize("NFC", text or "").casefold()


def search_text(*parts):
    return " ".join(fold(part) for part in parts if part)


def competence_key(name):
    """The spelling-independent key of a competence name.

    Case, punctuation, hyphens and spacing are ignored, and an English plural -s is dropped
    from each word, so "Mobile apps", "mobile-app" and "MOBILE  APP" share one key.
    """
    words = _NOT_WORD.sub(" ", fold(name)).split()
    return " ".join(
        word[:-1] if len(word) > 3 and word.endswith("s") and not word.endswith("ss") else word for word in words
    )


def masked_email(address):
    """'anna@example.com' as 'a…@example.com': enough to recognise an address, not to harvest it."""
    local, _at, domain = (address or "").partition("@")
    return f"{local[:1]}…@{domain}"
