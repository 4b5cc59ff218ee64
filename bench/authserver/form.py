"""Finds the consent form in an HTML page and prints its action and the body that approves it.

Generic on purpose: it reads the form's action and its inputs instead of knowing the page, so it
works with Spring Authorization Server's stock consent page (hidden client_id and state, a
checkbox per scope, "Submit Consent") and with Portico's own "Authorize application" page (hidden
inputs with the CSRF token, an approving submit button) alike.

The form chosen is the first POST form whose action names "authorize" (else the first POST form).
Sent: every hidden input; every checkbox (checked or not: the benchmark grants every scope asked
for); text inputs with their value; the first submit button that does not deny or cancel, with its
name and value when it has a name. Output: line 1 the action, line 2 the url-encoded body.
"""

import sys
from html.parser import HTMLParser
from urllib.parse import urlencode

REFUSE = ("deny", "cancel", "reject", "decline")


class Forms(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.forms = []
        self.current = None
        self.button = None

    def handle_starttag(self, tag, attrs):
        a = {k: (v or "") for k, v in attrs}
        if tag == "form":
            self.current = {"action": a.get("action", ""), "method": a.get("method", "get").lower(),
                            "fields": [], "submits": []}
            self.forms.append(self.current)
        elif self.current is None:
            return
        elif tag == "input":
            kind = a.get("type", "text").lower()
            if kind == "submit":
                self.current["submits"].append((a.get("name"), a.get("value", ""), a.get("value", "")))
            elif kind in ("hidden", "checkbox", "text") and a.get("name"):
                self.current["fields"].append((a["name"], a.get("value", "on" if kind == "checkbox" else "")))
        elif tag == "button":
            if a.get("type", "submit").lower() == "submit":
                self.button = [a.get("name"), a.get("value", ""), a.get("id", "") + " " + a.get("class", ""), ""]

    def handle_data(self, data):
        if self.button is not None:
            self.button[3] += data

    def handle_endtag(self, tag):
        if tag == "button" and self.button is not None and self.current is not None:
            name, value, idclass, text = self.button
            self.current["submits"].append((name, value, idclass + " " + text))
            self.button = None
        elif tag == "form":
            self.current = None


def main():
    page = Forms()
    page.feed(sys.stdin.read())
    posts = [f for f in page.forms if f["method"] == "post"]
    chosen = next((f for f in posts if "authorize" in f["action"]), posts[0] if posts else None)
    if chosen is None:
        sys.exit("no POST form on the page")
    fields = list(chosen["fields"])
    approve = next((s for s in chosen["submits"] if not any(w in s[2].lower() for w in REFUSE)), None)
    if approve and approve[0]:
        fields.append((approve[0], approve[1]))
    print(chosen["action"] or "/oauth/authorize")
    print(urlencode(fields))


main()
