"""Text as the site keeps it: Unix line endings and no spaces at the ends of lines.

Browsers send a textarea's lines with Windows line endings (CRLF), so text saved as it came would differ
from the same text loaded from a file: history would record a change nobody made, and paragraphs split
on blank lines would run together.
"""

import re

from django import forms

_LINE_ENDING = re.compile(r"\r\n?")
_TRAILING_SPACE = re.compile(r"[ \t]+$", re.MULTILINE)


def tidy(text: str) -> str:
    """`text` with every line ending a plain newline and no spaces or tabs at the end of a line. Migration
    facts.0011 uses it too: keep what it does stable."""
    return _TRAILING_SPACE.sub("", _LINE_ENDING.sub("\n", text))


class TidyTextForm(forms.ModelForm):
    """A model form that tidies every text field's input before it is validated, compared or saved, so a
    form saved unchanged has not changed (`has_changed()` is false) and its text is stored as typed."""

    def __init__(self, data=None, *args, **kwargs):
        super().__init__(data, *args, **kwargs)
        if not self.is_bound:
            return
        self.data = self.data.copy()
        for name, field in self.fields.items():
            key = self.add_prefix(name)
            if isinstance(field, forms.CharField) and isinstance(self.data.get(key), str):
                self.data[key] = tidy(self.data[key])
