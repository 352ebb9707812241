#!/usr/bin/env python3
"""The second version of a generated rulebook (analysis/gen_rulebook.py) for
the diff benchmark: every 100th returns rule's day range ends 7 days later,
and every 1,000th promotion's percent_off becomes 33.

usage: edit_rulebook.py IN.toml > OUT.toml
"""
import re
import sys


def main():
    rule = promo = 0
    out = []
    for line in open(sys.argv[1], encoding="utf-8").read().split("\n"):
        if line.startswith("[[returns.rule]]"):
            rule += 1
        if line.startswith("[[promotion]]"):
            promo += 1
        if rule and rule % 100 == 0 and line.startswith("when") and "days = { min = " in line:
            line = re.sub(r"max = (\d+)", lambda m: "max = %d" % (int(m.group(1)) + 7), line, count=1)
        if promo and promo % 1000 == 0 and not rule and line.startswith("percent_off = "):
            line = "percent_off = 33"
        out.append(line)
    sys.stdout.write("\n".join(out))


if __name__ == "__main__":
    main()
