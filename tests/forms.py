"""Reading a page's form the way a browser submits it."""

from html.parser import HTMLParser


class _FormReader(HTMLParser):
    """Collects what a browser would submit: text inputs, text areas, chosen options and
    only the checked boxes and radios."""

    def __init__(self):
        super().__init__()
        self.values: dict = {}
        self._textarea = None
        self._select = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        name = attrs.get("name")
        if tag == "input" and name:
            kind = attrs.get("type", "text")
            if kind == "radio":
                if "checked" in attrs:
                    self.values[name] = attrs.get("value", "on")
            elif kind == "checkbox":
                if "checked" in attrs:
                    self.values.setdefault(name, []).append(attrs.get("value", "on"))
            elif kind not in ("submit", "button"):
                self.values.setdefault(name, attrs.get("value") or "")
        elif tag == "textarea" and name:
            self._textarea = name
            self.values[name] = ""
        elif tag == "select" and name:
            self._select = name
        elif tag == "option" and self._select and self._chosen(attrs):
            self.values[self._select] = attrs.get("value", "")

    def _chosen(self, attrs: dict) -> bool:
        # With no option selected a browser sends the first one.
        return "selected" in attrs or self._select not in self.values

    def handle_data(self, data):
        if self._textarea:
            self.values[self._textarea] += data

    def handle_endtag(self, tag):
        if tag == "textarea":
            if self._textarea:
                self.values[self._textarea] = (
                    self.values[self._textarea].removeprefix("\r\n").removeprefix("\n")
                )
            self._textarea = None
        elif tag == "select":
            self._select = None


def form_fields(page: str) -> dict:
    reader = _FormReader()
    reader.feed(page)
    return reader.values


def as_post(values: dict) -> dict:
    """The values to post again: the CSRF token is the sender's own."""
    return {key: value for key, value in values.items() if key != "csrf_token"}
