"""Read pages as a reader (or a form) sees them: text, headings, links, form fields."""

from html.parser import HTMLParser

VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source"}


class _Page(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack = []
        self.main_text = []
        self.headings = []  # (level, text)
        self.links = []  # (href, text, attrs)
        self._heading = None
        self._link = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag not in VOID:
            self.stack.append(tag)
        if tag in {"h1", "h2", "h3", "h4", "h5", "h6"}:
            self._heading = [int(tag[1]), []]
        if tag == "a":
            self._link = [attrs.get("href"), [], attrs]
        if tag in {"p", "li", "h1", "h2", "h3", "h4", "br", "div", "section"}:
            self.main_text.append(" ")

    def handle_endtag(self, tag):
        if tag in self.stack:
            while self.stack and self.stack.pop() != tag:
                pass
        if self._heading and tag == f"h{self._heading[0]}":
            self.headings.append((self._heading[0], " ".join("".join(self._heading[1]).split())))
            self._heading = None
        if self._link and tag == "a":
            href, text, attrs = self._link
            self.links.append((href, " ".join("".join(text).split()), attrs))
            self._link = None
        if tag in {"p", "li", "h1", "h2", "h3", "h4", "div", "section"}:
            self.main_text.append(" ")

    def handle_data(self, data):
        if "main" in self.stack and not {"script", "style"} & set(self.stack):
            self.main_text.append(data)
        if self._heading:
            self._heading[1].append(data)
        if self._link:
            self._link[1].append(data)


def parse(html):
    if isinstance(html, bytes):
        html = html.decode()
    page = _Page()
    page.feed(html)
    return page


def main_text(html) -> str:
    """The visible text inside <main>, whitespace collapsed."""
    return " ".join("".join(parse(html).main_text).split())


def headings(html) -> list[tuple[int, str]]:
    return parse(html).headings


def links(html) -> list[tuple[str, str, dict]]:
    return parse(html).links


class _Form(HTMLParser):
    def __init__(self, form_id):
        super().__init__(convert_charrefs=True)
        self.form_id = form_id
        self.inside = False
        self.data = {}
        self._textarea = None
        self._select = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form":
            self.inside = attrs.get("id") == self.form_id
        if not self.inside:
            return
        name = attrs.get("name")
        if tag == "input" and name:
            kind = attrs.get("type", "text")
            if kind in {"checkbox", "radio"}:
                if "checked" in attrs:
                    self.data[name] = attrs.get("value", "on")
            elif kind not in {"submit", "button", "image", "file"}:
                self.data[name] = attrs.get("value", "")
        elif tag == "textarea" and name:
            self._textarea = name
            self.data[name] = ""
        elif tag == "select" and name:
            self._select = name
            self.data.setdefault(name, "")
        elif tag == "option" and self._select and "selected" in attrs:
            self.data[self._select] = attrs.get("value", "")

    def handle_endtag(self, tag):
        if tag == "form":
            self.inside = False
        elif tag == "textarea":
            self._textarea = None
        elif tag == "select":
            self._select = None

    def handle_data(self, data):
        if self._textarea:
            self.data[self._textarea] += data


def form_data(html, form_id) -> dict:
    """What the browser would send for the form with this id, as it stands."""
    if isinstance(html, bytes):
        html = html.decode()
    parser = _Form(form_id)
    parser.feed(html)
    # A textarea's first newline belongs to the markup, not the value.
    return {k: (v[1:] if v.startswith("\n") else v) for k, v in parser.data.items()}
