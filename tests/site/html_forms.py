"""The <form>s of a page as a browser would send them, for the hostile-input suite.

`forms_in(html)` reads every form: its method, action and fields (inputs, including hidden
ones, textareas, selects and named buttons), with the values a browser would send unchanged
and the limits the page declares (`maxlength`, `type`, `required`).
"""

from dataclasses import dataclass, field
from html.parser import HTMLParser

# Inputs a browser does not send, or sends only when a person picks a file.
UNSENT_TYPES = {"submit", "reset", "button", "image", "file"}


@dataclass
class Field:
    name: str
    kind: str  # the input's type, or "textarea", "select"
    values: list = field(default_factory=list)
    maxlength: int | None = None
    required: bool = False
    options: list = field(default_factory=list)


@dataclass
class Form:
    method: str
    action: str
    fields: dict = field(default_factory=dict)

    def add(self, new):
        known = self.fields.get(new.name)
        if known is None:
            self.fields[new.name] = new
        else:  # several checkboxes or radios of one name
            known.values += new.values
            known.options += new.options


def _maxlength(attrs):
    value = attrs.get("maxlength") or ""
    return int(value) if value.isdecimal() else None


class _FormParser(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.forms = []
        self.form = None
        self.textarea = None
        self.select = None
        self.option = None
        self.has_named_button = False

    def handle_starttag(self, tag, attrs):
        attrs = {name: value if value is not None else "" for name, value in attrs}
        if tag == "form":
            self.form = Form(method=(attrs.get("method") or "get").lower(), action=attrs.get("action") or "")
            self.forms.append(self.form)
            self.has_named_button = False
        elif tag == "option" and self.select is not None:
            if self.option is not None:  # the previous option's end tag was left out
                self._close_option()
            self.option = {"value": attrs.get("value"), "text": "", "selected": "selected" in attrs}
        elif self.form is None or "name" not in attrs or "disabled" in attrs:
            return
        elif tag == "input":
            self._input(attrs)
        elif tag == "textarea":
            self.textarea = Field(attrs["name"], "textarea", [""], _maxlength(attrs), "required" in attrs)
            self.form.add(self.textarea)
        elif tag == "select":
            kind = "select-multiple" if "multiple" in attrs else "select"
            self.select = Field(attrs["name"], kind, [], None, "required" in attrs)
            self.form.add(self.select)
        elif tag == "button" and not self.has_named_button and attrs.get("type", "submit") == "submit":
            # A browser sends the button that was pressed: the first one stands for them.
            self.has_named_button = True
            self.form.add(Field(attrs["name"], "button", [attrs.get("value", "")]))

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)

    def _input(self, attrs):
        kind = (attrs.get("type") or "text").lower()
        if kind in UNSENT_TYPES:
            return
        if kind in ("checkbox", "radio"):
            value = attrs.get("value", "on")
            chosen = [value] if "checked" in attrs else []
            self.form.add(Field(attrs["name"], kind, chosen, None, "required" in attrs, [value]))
        else:
            self.form.add(Field(attrs["name"], kind, [attrs.get("value", "")], _maxlength(attrs), "required" in attrs))

    def handle_data(self, data):
        if self.option is not None:
            self.option["text"] += data
        elif self.textarea is not None:
            self.textarea.values[0] += data

    def handle_endtag(self, tag):
        if tag in ("option", "select") and self.option is not None:
            self._close_option()
        if tag == "form":
            self.form = None
        elif tag == "textarea":
            self.textarea = None
        elif tag == "select":
            if self.select is not None and self.select.kind == "select" and not self.select.values:
                self.select.values = self.select.options[:1]  # a single select sends its first option
            self.select = None

    def _close_option(self):
        option, self.option = self.option, None
        value = option["value"] if option["value"] is not None else option["text"].strip()
        self.select.options.append(value)
        if option["selected"]:
            self.select.values.append(value)


def forms_in(html):
    parser = _FormParser()
    parser.feed(html)
    parser.close()
    return parser.forms
