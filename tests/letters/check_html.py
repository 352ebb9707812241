#!/usr/bin/env python3
"""Parses back every HTML golden of tests/letters/ (issue 14): each must be
well-formed XML (xml.dom.minidom, strict) and balanced HTML (html.parser),
with the lang attribute of its file name and no raw '<' inside text."""
import glob
import html.parser
import os
import sys
import xml.dom.minidom


class Balance(html.parser.HTMLParser):
    VOID = {"meta", "br"}

    def __init__(self):
        super().__init__()
        self.stack = []

    def handle_starttag(self, tag, attrs):
        if tag not in self.VOID:
            self.stack.append(tag)

    def handle_startendtag(self, tag, attrs):
        pass

    def handle_endtag(self, tag):
        if not self.stack or self.stack.pop() != tag:
            raise ValueError(f"unbalanced </{tag}>")


def check(path):
    text = open(path, encoding="utf-8").read()
    document = xml.dom.minidom.parseString(text.encode("utf-8"))
    root = document.documentElement
    language = os.path.basename(path).split(".")[-2]
    if root.tagName != "html" or root.getAttribute("lang") != language:
        raise ValueError(f"<html lang> is not {language}")
    parser = Balance()
    parser.feed(text)
    parser.close()
    if parser.stack:
        raise ValueError(f"unclosed {parser.stack}")


def main():
    root = sys.argv[1] if len(sys.argv) > 1 else "."
    paths = sorted(glob.glob(os.path.join(root, "tests/letters/*/*.html")))
    if not paths:
        print("no HTML goldens under tests/letters/")
        return 1
    failed = 0
    for path in paths:
        try:
            check(path)
        except Exception as error:  # noqa: BLE001 - every failure is reported
            print(f"{path}: {error}")
            failed += 1
    print(f"{len(paths) - failed} of {len(paths)} HTML files parse back")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
