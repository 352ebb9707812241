#!/usr/bin/env python3
"""Regenerates the bad-input corpus under tests/bad/ (issue 7, part 4).

Every case is one small file (or, under rulebook-dirs/, one small folder)
holding exactly one named mistake, made by editing a valid base document:

  rulebooks/      a one-file rulebook, checked with `fineprint lint FILE`
  claims/         a TOML claim, `fineprint resolve --rules rules FILE`
  jsonl/          JSON Lines, `fineprint batch --rules rules -i FILE`
  rulebook-dirs/  a rulebook folder, `fineprint lint DIR`

The expectations live in tests/bad/EXPECTED, written by hand from what the
executable does (see README.md); this script only writes the inputs. It is
deterministic: run it from anywhere, it rewrites the four folders and prints
`<case>\t<line of the mistake>` for every case, which is where the message
should point (a help for reviewing EXPECTED, not an expectation itself).
Python 3.8+, standard library only; the tests never run it.
"""
import pathlib
import shutil
import sys

HERE = pathlib.Path(__file__).resolve().parent

# --- base documents ------------------------------------------------------------
# Each base is valid: `lint` exits 0 on BASE_RULEBOOK, `resolve --rules rules`
# decides BASE_RETURN and BASE_PROMO, `batch` decides BASE_JSON.

BASE_RULEBOOK = """\
fineprint = 1

[store]
name = "Shop"
currency = "EUR"
timezone = "Europe/Riga"
channels = ["web", "store"]
distance_channels = ["web"]
jurisdiction = "none"
locale = "en"
rounding = "half_up"
late_code_days = 0

[catalog]
categories = ["hats", "boots"]
skus = ["HAT-1", "BOT-1"]

[[promotion]]
id = "HATS-10"
title = "Hats: 10% off"
starts = 2027-01-01T00:00:00
ends = 2027-02-01T00:00:00
channels = ["web"]
code = "HATS10"
segments = ["club"]
first_order_only = false
products = { categories = ["hats"], exclude_categories = ["boots"], exclude_skus = ["BOT-1"] }
min_subtotal = "20.00"
min_quantity = 1
priority = 10
combinable = false
limit_per_customer = 1
max_discount = "50.00"
percent_off = 10
terms = "10% off hats in January 2027."

[returns]
hit_policy = "first"
window_from = "delivery"
refund_basis = "paid"
otherwise = { outcome = "review", because = "A person decides." }

[[returns.rule]]
id = "within-30"
when = { channel = ["web"], condition = ["sealed"], reason = ["changed_mind"], days = { max = 30 } }
outcome = "refund"
fee_percent = 5
refund_shipping = false
cite = "Terms 4.1"

[[assert]]
id = "sealed-web-refunded"
when = { channel = ["web"], condition = ["sealed"], reason = ["changed_mind"], days = { max = 30 } }
outcome_in = ["refund"]
because = "We promise it."
"""

# A return claim against the bundled rules/ (examples/claims/washed-wool-hat.toml).
BASE_RETURN = """\
[claim]
id = "BAD-RETURN"
kind = "return"
filed_at = 2027-01-05T14:20:00+02:00
has_receipt = true

[[claim.items]]
sku = "HAT-201"
qty = 1
condition = "washed"
reason = "defective"

[order]
id = "W-1"
placed_at = 2026-12-08T19:42:00+02:00
delivered_at = 2026-12-10T12:05:00+02:00
channel = "web"
codes = []
shipping = "4.90"
discount_received = "0.00"

[[order.lines]]
sku = "HAT-201"
category = "hats"
qty = 2
unit_price = "29.00"
paid = "58.00"
final_sale = false

[customer]
id = "C-1"
segments = ["club"]
orders_before = 4
returns_90d = 1
redemptions = { WINTER-SALE = 0 }
"""

# A promotion claim against the bundled rules/
# (examples/claims/two-discounts-that-do-not-combine.toml, one line).
BASE_PROMO = """\
[claim]
id = "BAD-PROMO"
kind = "promotion"
filed_at = 2027-01-04T16:40:00+02:00
promotion = "HATS-3FOR2"

[order]
id = "W-2"
placed_at = 2026-12-28T11:15:00+02:00
channel = "web"
codes = ["WINTER20"]
shipping = "4.90"

[[order.lines]]
sku = "HAT-201"
category = "hats"
qty = 3
unit_price = "29.00"

[customer]
id = "C-2"
orders_before = 5
"""

BASE_JSON = (
    '{"claim": {"id": "J-1", "kind": "return", "filed_at": "2027-01-05T14:20:00+02:00", '
    '"items": [{"sku": "HAT-201", "qty": 1, "condition": "washed", "reason": "defective"}]}, '
    '"order": {"id": "W-1", "placed_at": "2026-12-08T19:42:00+02:00", '
    '"delivered_at": "2026-12-10T12:05:00+02:00", "channel": "web", "shipping": "4.90", '
    '"lines": [{"sku": "HAT-201", "category": "hats", "qty": 2, "unit_price": "29.00", '
    '"paid": "58.00"}]}, "customer": {"id": "C-1", "orders_before": 4}}'
)

# --- editing helpers -----------------------------------------------------------


class Doc:
    """A TOML document as lines, addressed by (table, key)."""

    def __init__(self, text):
        self.lines = text.split("\n")

    def text(self):
        return "\n".join(self.lines)

    def _sections(self):
        current = ""
        for index, line in enumerate(self.lines):
            stripped = line.strip()
            if stripped.startswith("["):
                current = stripped.strip("[]").strip()
                yield index, current, True
            else:
                yield index, current, False

    def header(self, table, nth=0):
        seen = 0
        for index, section, is_header in self._sections():
            if is_header and section == table:
                if seen == nth:
                    return index
                seen += 1
        raise KeyError(table)

    def find(self, table, key, nth=0):
        seen = 0
        for index, section, is_header in self._sections():
            if is_header or section != table:
                continue
            if self.lines[index].startswith(key + " =") or self.lines[index].startswith(key + "="):
                if seen == nth:
                    return index
                seen += 1
        raise KeyError(f"{table}.{key}")

    def value(self, table, key, nth=0):
        return self.lines[self.find(table, key, nth)].split("=", 1)[1].strip()


def set_key(base, table, key, value, nth=0):
    """`key = value` in `table`; returns (text, 1-based line of the edit)."""
    doc = Doc(base)
    index = doc.find(table, key, nth)
    doc.lines[index] = f"{key} = {value}"
    return doc.text(), index + 1


def raw_line(base, table, key, line, nth=0):
    """Replaces the whole line of `key` with `line` (bytes allowed via latin-1 str)."""
    doc = Doc(base)
    index = doc.find(table, key, nth)
    doc.lines[index] = line
    return doc.text(), index + 1


def del_key(base, table, key, nth=0):
    """Removes `key` from `table`; returns (text, line of the table's header)."""
    doc = Doc(base)
    index = doc.find(table, key, nth)
    del doc.lines[index]
    return doc.text(), doc.header(table) + 1 if table else 1


def add_key(base, table, line, nth=0):
    """Inserts `line` right after the header of `table` (top of file for "")."""
    doc = Doc(base)
    index = doc.header(table, nth) + 1 if table else 0
    doc.lines.insert(index, line)
    return doc.text(), index + 1


def without_product(text_and_line):
    """The same claim about HAT-209, a sku the bundled catalog has no product
    of; returns the line of the order line's sku."""
    text = text_and_line[0].replace('"HAT-201"', '"HAT-209"')
    return text, Doc(text).find("order.lines", "sku") + 1


def append(base, text):
    """Appends `text` at the end; returns the line where it starts."""
    start = base.count("\n") + 1
    return base + text, start


def del_table(base, table):
    """Removes a table (header up to the next header or end)."""
    doc = Doc(base)
    start = doc.header(table)
    end = start + 1
    while end < len(doc.lines) and not doc.lines[end].strip().startswith("["):
        end += 1
    del doc.lines[start:end]
    return doc.text(), 1


def cut_after(base, marker):
    """Truncates right after the first occurrence of `marker`."""
    at = base.index(marker) + len(marker)
    text = base[:at]
    return text, text.count("\n") + 1


def line_of(base, marker):
    return base[: base.index(marker)].count("\n") + 1


# --- the cases -----------------------------------------------------------------

CASES = {}  # relative path -> (bytes, line of the mistake or None)


def case(folder, name, text_and_line):
    text, line = text_and_line
    data = text.encode("latin-1") if isinstance(text, str) else text
    path = f"{folder}/{name}"
    if path in CASES:
        raise SystemExit(f"duplicate case {path}")
    CASES[path] = (data, line)


def rb(name, text_and_line):
    case("rulebooks", name + ".toml", text_and_line)


def cl(name, text_and_line):
    case("claims", name + ".toml", text_and_line)


R = BASE_RULEBOOK


def utf8(text):
    """Our documents are written as latin-1 byte strings; this encodes real
    UTF-8 text into that form."""
    return text.encode("utf-8").decode("latin-1")


def rulebook_cases():
    # -- truncation --
    rb("truncated-mid-key", cut_after(R, "fee_perc"))
    rb("truncated-mid-string", cut_after(R, 'title = "Hats: 1'))
    rb("truncated-mid-table-header", cut_after(R, "[[returns.ru"))
    rb("truncated-mid-array", cut_after(R, 'channels = ["web", "st'))
    rb("truncated-mid-inline-table", cut_after(R, 'products = { categories = ["hats"], excl'))
    rb("truncated-mid-date", cut_after(R, "starts = 2027-01-0"))
    rb("truncated-after-equals", cut_after(R, "priority ="))
    rb("truncated-mid-multiline-string", append(R, 'motto = """\nNo questions\nasked'))
    rb("truncated-mid-nested-inline-table", cut_after(R, "days = { max = 3"))
    rb("empty-file", ("", 1))
    rb("only-comments", ("# a rulebook that was never written\n# TODO\n", 1))
    rb("inline-table-across-lines",
       raw_line(R, "promotion", "products", 'products = { categories = ["hats"],\n  exclude_skus = ["BOT-1"] }'))
    rb("key-without-value", raw_line(R, "promotion", "title", "title ="))
    rb("value-without-key", raw_line(R, "promotion", "title", '= "Hats: 10% off"'))
    rb("header-with-trailing-text", (R.replace("[returns]\n", "[returns] extra\n", 1), line_of(R, "[returns]\n")))
    rb("unclosed-array-at-eof", append(R, 'motto = [\n  "one",\n  "two",\n'))
    rb("string-with-bare-newline", raw_line(R, "promotion", "title", 'title = "Hats:\n10% off"'))
    rb("bare-cr-line-ending", raw_line(R, "store", "name", 'name = "Shop"\rlocale2 = "en"'))
    rb("control-char-in-string", raw_line(R, "promotion", "title", 'title = "Hats\x01 10% off"'))
    rb("bad-escape-in-string", raw_line(R, "promotion", "title", 'title = "Hats \\q 10% off"'))
    rb("unicode-escape-surrogate", raw_line(R, "promotion", "title", 'title = "Hats \\uD800 off"'))
    # -- invalid UTF-8 and NUL bytes --
    rb("invalid-utf8-in-key", raw_line(R, "store", "name", 'na\xffme = "Shop"'))
    rb("invalid-utf8-in-string", raw_line(R, "store", "name", 'name = "Sh\xc3\x28op"'))
    rb("invalid-utf8-in-comment", add_key(R, "store", "# owned by ops \xfe\xff"))
    rb("invalid-utf8-in-table-header", (R.replace("[returns]\n", "[ret\xe9urns]\n", 1), line_of(R, "[returns]\n")))
    rb("invalid-utf8-overlong-slash", raw_line(R, "promotion", "title", 'title = "a\xc0\xafb"'))
    rb("invalid-utf8-encoded-surrogate", raw_line(R, "promotion", "title", 'title = "a\xed\xa0\x80b"'))
    rb("invalid-utf8-truncated-sequence", raw_line(R, "promotion", "terms", 'terms = "10\xe2\x82 off"'))
    rb("invalid-utf8-past-u10ffff", raw_line(R, "promotion", "title", 'title = "a\xf4\x90\x80\x80b"'))
    rb("nul-in-string", raw_line(R, "store", "name", 'name = "Sh\x00op"'))
    rb("nul-in-comment", add_key(R, "store", "# owned \x00 by ops"))
    rb("nul-in-key", raw_line(R, "store", "name", 'na\x00me = "Shop"'))
    rb("nul-at-start", ("\x00" + R, 1))
    rb("nul-after-value", raw_line(R, "store", "late_code_days", "late_code_days = 0\x00"))
    rb("utf16-bom", (b"\xff\xfe" + R.encode("utf-16-le"), 1))
    # -- huge numbers --
    rb("priority-past-int64", set_key(R, "promotion", "priority", "9223372036854775808"))
    rb("priority-below-int64", set_key(R, "promotion", "priority", "-9223372036854775809"))
    rb("priority-hex-past-int64", set_key(R, "promotion", "priority", "0x1FFFFFFFFFFFFFFFF"))
    rb("late_code_days-past-int64", set_key(R, "store", "late_code_days", "99999999999999999999999"))
    rb("min_quantity-past-int64", set_key(R, "promotion", "min_quantity", "18446744073709551616"))
    rb("max_discount-past-64-bits", set_key(R, "promotion", "max_discount", '"92233720368547758.08"'))
    rb("min_subtotal-money-past-64-bits",
       set_key(R, "promotion", "min_subtotal", '"999999999999999999999999999999.00"'))
    rb("max_discount-integer-past-64-bits-minor", set_key(R, "promotion", "max_discount", "92233720368547759"))
    rb("max_discount-too-many-decimals", set_key(R, "promotion", "max_discount", '"50.001"'))
    rb("min_subtotal-many-decimals", set_key(R, "promotion", "min_subtotal", '"20.' + "0" * 40 + '1"'))
    rb("max_discount-over-limit-1e12-minor", set_key(R, "promotion", "max_discount", '"10000000000.01"'))
    rb("percent_off-over-100", set_key(R, "promotion", "percent_off", "101"))
    rb("percent_off-string-over-100", set_key(R, "promotion", "percent_off", '"100.01"'))
    rb("percent_off-zero", set_key(R, "promotion", "percent_off", "0"))
    rb("percent_off-negative", set_key(R, "promotion", "percent_off", "-5"))
    rb("percent_off-too-many-decimals", set_key(R, "promotion", "percent_off", '"12.345"'))
    rb("percent_off-float", set_key(R, "promotion", "percent_off", "12.5"))
    rb("percent_off-past-int64", set_key(R, "promotion", "percent_off", "9223372036854775808"))
    rb("percent_off-not-a-number", set_key(R, "promotion", "percent_off", '"ten"'))
    rb("fee_percent-zero", set_key(R, "returns.rule", "fee_percent", "0"))
    rb("fee_percent-over-100", set_key(R, "returns.rule", "fee_percent", '"150"'))
    rb("fee_percent-inf", set_key(R, "returns.rule", "fee_percent", "inf"))
    rb("fee_percent-nan", set_key(R, "returns.rule", "fee_percent", "nan"))
    # -- negative and zero quantities --
    rb("min_quantity-zero", set_key(R, "promotion", "min_quantity", "0"))
    rb("min_quantity-negative", set_key(R, "promotion", "min_quantity", "-2"))
    rb("limit_per_customer-zero", set_key(R, "promotion", "limit_per_customer", "0"))
    rb("late_code_days-negative", set_key(R, "store", "late_code_days", "-1"))
    rb("max_discount-negative", set_key(R, "promotion", "max_discount", '"-5.00"'))
    rb("min_subtotal-negative-integer", set_key(R, "promotion", "min_subtotal", "-20"))
    # -- dates and times --
    rb("starts-month-13", set_key(R, "promotion", "starts", "2027-13-01T00:00:00"))
    rb("starts-feb-30", set_key(R, "promotion", "starts", "2027-02-30T00:00:00"))
    rb("starts-feb-29-not-leap", set_key(R, "promotion", "starts", "2027-02-29T00:00:00"))
    rb("starts-day-zero", set_key(R, "promotion", "starts", "2027-01-00T00:00:00"))
    rb("starts-year-0000", set_key(R, "promotion", "starts", "0000-01-01T00:00:00"))
    rb("starts-year-99999", set_key(R, "promotion", "starts", "99999-01-01T00:00:00"))
    rb("starts-hour-24", set_key(R, "promotion", "starts", "2027-01-01T24:00:00"))
    rb("starts-minute-60", set_key(R, "promotion", "starts", "2027-01-01T00:60:00"))
    rb("starts-offset-25h", set_key(R, "promotion", "starts", "2027-01-01T00:00:00+25:00"))
    rb("starts-bare-local-time", set_key(R, "promotion", "starts", "00:00:00"))
    rb("starts-as-string", set_key(R, "promotion", "starts", '"2027-01-01"'))
    rb("starts-as-integer", set_key(R, "promotion", "starts", "20270101"))
    rb("starts-in-dst-gap", set_key(R, "promotion", "starts", "2027-03-28T03:30:00"))
    rb("ends-in-dst-overlap", set_key(R, "promotion", "ends", "2027-10-31T03:30:00"))
    rb("ends-before-starts", set_key(R, "promotion", "ends", "2026-12-01T00:00:00"))
    rb("ends-as-bool", set_key(R, "promotion", "ends", "true"))
    rb("ends-year-1899", set_key(R, "promotion", "ends", "1899-12-31T00:00:00+02:00"))
    rb("ends-year-3000", set_key(R, "promotion", "ends", "3000-01-01"))
    # -- duplicate keys and tables --
    rb("store-name-twice", add_key(R, "store", 'name = "Other shop"'))
    rb("store-table-twice", append(R, '\n[store]\nname = "Shop 2"\n'))
    rb("returns-table-twice", append(R, '\n[returns]\nhit_policy = "unique"\n'))
    rb("store-table-and-array", append(R, '\n[[store]]\nname = "Shop 2"\n'))
    rb("products-categories-twice",
       set_key(R, "promotion", "products", '{ categories = ["hats"], categories = ["boots"] }'))
    rb("promotion-id-twice-in-table", add_key(R, "promotion", 'id = "HATS-11"'))
    rb("promotion-duplicate-id", append(R, '\n[[promotion]]\nid = "HATS-10"\ntitle = "Again"\n'
                                           'starts = 2027-01-01T00:00:00\nends = 2027-02-01T00:00:00\n'
                                           'channels = ["store"]\nfree_shipping = true\n'))
    rb("returns-rule-duplicate-id", append(R, '\n[[returns.rule]]\nid = "within-30"\noutcome = "deny"\n'
                                              'because = "No."\n'))
    rb("dotted-key-redefines-table", add_key(R, "", 'store.name = "Shop"'))
    # -- deep nesting --
    rb("deep-nested-arrays-300", add_key(R, "store", "motto = " + "[" * 300 + "]" * 300))
    rb("deep-nested-inline-tables-300",
       add_key(R, "store", "motto = " + "{ a = " * 300 + "1" + " }" * 300))
    rb("deep-nested-arrays-in-channels", set_key(R, "store", "channels", "[" * 300 + '"web"' + "]" * 300))
    rb("deep-dotted-key-300", add_key(R, "store", ".".join(["a"] * 300) + " = 1"))
    # -- top level --
    rb("fineprint-version-2", set_key(R, "", "fineprint", "2"))
    rb("fineprint-version-as-string", set_key(R, "", "fineprint", '"1"'))
    rb("fineprint-version-as-float", set_key(R, "", "fineprint", "1.0"))
    rb("top-level-unknown-key", add_key(R, "", 'stores = "Shop"'))
    rb("top-level-unknown-table", append(R, '\n[shop]\nname = "Shop"\n'))
    rb("store-missing", del_table(R, "store"))
    rb("store-as-string", add_key(del_table(R, "store")[0], "", 'store = "Shop"'))
    rb("store-as-array-of-tables", add_key(del_table(R, "store")[0], "", 'store = [{ name = "Shop" }]'))
    rb("promotion-as-table", add_key(del_table(R, "promotion")[0], "", 'promotion = { id = "X" }'))
    rb("returns-as-array", add_key(del_table(del_table(R, "returns.rule")[0], "returns")[0], "",
                                   "returns = []"))
    rb("assert-as-integer", add_key(del_table(R, "assert")[0], "", "assert = 1"))
    rb("catalog-as-string", add_key(del_table(R, "catalog")[0], "", 'catalog = "all"'))
    # -- [store] --
    rb("store-name-as-integer", set_key(R, "store", "name", "42"))
    rb("store-currency-as-array", set_key(R, "store", "currency", '["EUR"]'))
    rb("store-currency-unknown", set_key(R, "store", "currency", '"XYZ"'))
    rb("store-currency-lowercase", set_key(R, "store", "currency", '"eur"'))
    rb("store-timezone-as-integer", set_key(R, "store", "timezone", "2"))
    rb("store-timezone-unknown-zone", set_key(R, "store", "timezone", '"Mars/Olympus_Mons"'))
    rb("store-timezone-empty", set_key(R, "store", "timezone", '""'))
    rb("store-timezone-offset-not-zone", set_key(R, "store", "timezone", '"+02:00"'))
    rb("store-timezone-path-traversal", set_key(R, "store", "timezone", '"../../../../etc/passwd"'))
    rb("store-timezone-lowercase", set_key(R, "store", "timezone", '"europe/riga"'))
    # Names that exist in the tz database but name no place (issue 20): the
    # host's zone, rule files, legacy aliases.
    rb("store-timezone-localtime", set_key(R, "store", "timezone", '"localtime"'))
    rb("store-timezone-posixrules", set_key(R, "store", "timezone", '"posixrules"'))
    rb("store-timezone-factory", set_key(R, "store", "timezone", '"Factory"'))
    rb("store-timezone-legacy-alias", set_key(R, "store", "timezone", '"US/Eastern"'))
    rb("store-timezone-etc-area", set_key(R, "store", "timezone", '"Etc/GMT-2"'))
    rb("store-timezone-posix-prefix", set_key(R, "store", "timezone", '"posix/Europe/Riga"'))
    rb("store-channels-as-string", set_key(R, "store", "channels", '"web"'))
    rb("store-channels-array-of-integers", set_key(R, "store", "channels", "[1, 2]"))
    rb("store-channels-mixed-array", set_key(R, "store", "channels", '["web", 2]'))
    rb("store-distance_channels-as-bool", set_key(R, "store", "distance_channels", "true"))
    rb("store-distance_channels-unknown-channel", set_key(R, "store", "distance_channels", '["app"]'))
    rb("store-jurisdiction-as-bool", set_key(R, "store", "jurisdiction", "false"))
    rb("store-jurisdiction-unknown", set_key(R, "store", "jurisdiction", '"US"'))
    rb("store-locale-as-integer", set_key(R, "store", "locale", "1"))
    rb("store-locale-unknown", set_key(R, "store", "locale", '"de"'))
    rb("store-languages-unknown", raw_line(R, "store", "locale", 'languages = ["en", "xx"]'))
    rb("store-languages-and-locale", add_key(R, "store", 'languages = ["en"]'))
    rb("store-rounding-as-bool", set_key(R, "store", "rounding", "true"))
    rb("store-rounding-unknown", set_key(R, "store", "rounding", '"up"'))
    rb("store-late_code_days-as-string", set_key(R, "store", "late_code_days", '"7"'))
    rb("store-late_code_days-as-float", set_key(R, "store", "late_code_days", "7.0"))
    rb("store-missing-name", del_key(R, "store", "name"))
    rb("store-missing-currency", del_key(R, "store", "currency"))
    rb("store-missing-timezone", del_key(R, "store", "timezone"))
    rb("store-missing-channels", del_key(R, "store", "channels"))
    rb("store-unknown-key-typo", add_key(R, "store", 'nmae = "Shop"'))
    # -- [catalog] --
    rb("catalog-categories-as-string", set_key(R, "catalog", "categories", '"hats"'))
    rb("catalog-categories-array-of-integers", set_key(R, "catalog", "categories", "[1, 2]"))
    rb("catalog-skus-as-table", set_key(R, "catalog", "skus", '{ HAT-1 = true }'))
    rb("catalog-unknown-key", add_key(R, "catalog", 'category = ["hats"]'))
    # -- [[promotion]]: a wrong type at every key --
    for key, value in [
        ("id", "10"), ("title", "true"), ("channels", '"web"'), ("code", "10"),
        ("segments", '"club"'), ("first_order_only", '"no"'), ("products", '"hats"'),
        ("min_subtotal", "true"), ("min_quantity", '"1"'), ("priority", '"high"'),
        ("combinable", '"yes"'), ("limit_per_customer", "true"), ("max_discount", '["50"]'),
        ("terms", '["10% off"]'), ("percent_off", "true"),
    ]:
        kind = {"true": "bool", '"no"': "string", '"yes"': "string"}.get(value)
        if kind is None:
            kind = ("string" if value.startswith('"') else "array" if value.startswith("[")
                    else "integer")
        rb(f"promotion-{key}-as-{kind}", set_key(R, "promotion", key, value))
    rb("promotion-allow-as-string", add_key(R, "promotion", 'allow = "everything"'))
    rb("promotion-allow-reason-as-integer", add_key(R, "promotion", 'allow = { "time/open-ended" = 1 }'))
    rb("promotion-amount_off-as-float", raw_line(R, "promotion", "percent_off", "amount_off = 5.5"))
    rb("promotion-amount_off-not-a-number", raw_line(R, "promotion", "percent_off", 'amount_off = "5,00"'))
    rb("promotion-amount_off-empty-string", raw_line(R, "promotion", "percent_off", 'amount_off = ""'))
    rb("promotion-amount_off-exponent-string", raw_line(R, "promotion", "percent_off", 'amount_off = "5e2"'))
    rb("promotion-fixed_price-as-array", raw_line(R, "promotion", "percent_off", 'fixed_price = ["9.99"]'))
    rb("promotion-fixed_price-negative", raw_line(R, "promotion", "percent_off", 'fixed_price = "-9.99"'))
    rb("promotion-free_shipping-false", raw_line(R, "promotion", "percent_off", "free_shipping = false"))
    rb("promotion-free_shipping-as-string", raw_line(R, "promotion", "percent_off", 'free_shipping = "true"'))
    rb("promotion-buy_x_get_y-as-integer", raw_line(R, "promotion", "percent_off", "buy_x_get_y = 3"))
    rb("promotion-buy_x_get_y-buy-as-string",
       raw_line(R, "promotion", "percent_off", 'buy_x_get_y = { buy = "2", get = 1 }'))
    rb("promotion-buy_x_get_y-get-zero", raw_line(R, "promotion", "percent_off", "buy_x_get_y = { buy = 2, get = 0 }"))
    rb("promotion-buy_x_get_y-buy-negative",
       raw_line(R, "promotion", "percent_off", "buy_x_get_y = { buy = -2, get = 1 }"))
    rb("promotion-buy_x_get_y-percent_off-zero",
       raw_line(R, "promotion", "percent_off", "buy_x_get_y = { buy = 2, get = 1, percent_off = 0 }"))
    rb("promotion-buy_x_get_y-missing-buy", raw_line(R, "promotion", "percent_off", "buy_x_get_y = { get = 1 }"))
    rb("promotion-buy_x_get_y-unknown-key",
       raw_line(R, "promotion", "percent_off", "buy_x_get_y = { buy = 2, gets = 1 }"))
    rb("promotion-tiers-as-table",
       raw_line(R, "promotion", "percent_off", 'tiers = { min_subtotal = "50", percent_off = 5 }'))
    rb("promotion-tiers-empty", raw_line(R, "promotion", "percent_off", "tiers = []"))
    rb("promotion-tiers-array-of-strings", raw_line(R, "promotion", "percent_off", 'tiers = ["5%", "10%"]'))
    rb("promotion-tiers-min_subtotal-as-bool",
       raw_line(R, "promotion", "percent_off", "tiers = [{ min_subtotal = true, percent_off = 5 }]"))
    rb("promotion-tiers-percent_off-as-string-word",
       raw_line(R, "promotion", "percent_off", 'tiers = [{ min_subtotal = "50", percent_off = "five" }]'))
    rb("promotion-tiers-decreasing",
       raw_line(R, "promotion", "percent_off",
                'tiers = [{ min_subtotal = "100", percent_off = 10 }, { min_subtotal = "50", percent_off = 5 }]'))
    rb("promotion-tiers-mixed-kinds",
       raw_line(R, "promotion", "percent_off",
                'tiers = [{ min_subtotal = "50", percent_off = 5 }, { min_subtotal = "100", amount_off = "10" }]'))
    rb("promotion-tiers-unknown-key",
       raw_line(R, "promotion", "percent_off", 'tiers = [{ min_subtotal = "50", percent = 5 }]'))
    rb("promotion-two-benefits", add_key(R, "promotion", 'amount_off = "5.00"'))
    rb("promotion-no-benefit", del_key(R, "promotion", "percent_off"))
    rb("promotion-missing-id", del_key(R, "promotion", "id"))
    rb("promotion-missing-title", del_key(R, "promotion", "title"))
    rb("promotion-missing-starts", del_key(R, "promotion", "starts"))
    rb("promotion-unknown-key-typo", add_key(R, "promotion", "percent = 10"))
    rb("promotion-id-with-space", set_key(R, "promotion", "id", '"HATS 10"'))
    rb("promotion-id-empty", set_key(R, "promotion", "id", '""'))
    rb("promotion-id-65-chars", set_key(R, "promotion", "id", '"' + "H" * 65 + '"'))
    rb("promotion-id-non-ascii", set_key(R, "promotion", "id", utf8('"HÄTS-10"')))
    rb("promotion-channels-unknown-channel", set_key(R, "promotion", "channels", '["app"]'))
    rb("promotion-combinable-unknown-promotion", set_key(R, "promotion", "combinable", '["NO-SUCH-PROMO"]'))
    rb("promotion-combinable-array-of-integers", set_key(R, "promotion", "combinable", "[1]"))
    rb("promotion-products-unknown-category", set_key(R, "promotion", "products", '{ categories = ["hatz"] }'))
    rb("promotion-products-unknown-sku", set_key(R, "promotion", "products", '{ skus = ["HAT-9"] }'))
    rb("promotion-products-skus-as-string", set_key(R, "promotion", "products", '{ skus = "HAT-1" }'))
    rb("promotion-products-unknown-key", set_key(R, "promotion", "products", '{ category = ["hats"] }'))
    rb("promotion-products-exclude_categories-as-integer",
       set_key(R, "promotion", "products", "{ exclude_categories = 3 }"))
    rb("promotion-amount_off-as-bool", raw_line(R, "promotion", "percent_off", "amount_off = true"))
    rb("promotion-products-categories-as-string", set_key(R, "promotion", "products", '{ categories = "hats" }'))
    rb("promotion-products-exclude_skus-as-bool", set_key(R, "promotion", "products", "{ exclude_skus = true }"))
    rb("promotion-tiers-amount_off-as-array",
       raw_line(R, "promotion", "percent_off", 'tiers = [{ min_subtotal = "50", amount_off = ["5"] }]'))
    rb("promotion-buy_x_get_y-get-as-float", raw_line(R, "promotion", "percent_off", "buy_x_get_y = { buy = 2, get = 1.0 }"))
    rb("promotion-buy_x_get_y-percent_off-as-bool",
       raw_line(R, "promotion", "percent_off", "buy_x_get_y = { buy = 2, get = 1, percent_off = true }"))
    rb("promotion-array-of-strings", add_key(del_table(R, "promotion")[0], "", 'promotion = ["HATS-10"]'))
    # -- [returns] --
    rb("returns-hit_policy-as-integer", set_key(R, "returns", "hit_policy", "1"))
    rb("returns-hit_policy-unknown", set_key(R, "returns", "hit_policy", '"last"'))
    rb("returns-window_from-unknown", set_key(R, "returns", "window_from", '"shipping"'))
    rb("returns-window_from-as-bool", set_key(R, "returns", "window_from", "true"))
    rb("returns-refund_basis-unknown", set_key(R, "returns", "refund_basis", '"list"'))
    rb("returns-conditions-as-string", add_key(R, "returns", 'conditions = "worn_once"'))
    rb("returns-reasons-array-of-integers", add_key(R, "returns", "reasons = [1, 2]"))
    rb("returns-defect_reasons-as-string", add_key(R, "returns", 'defect_reasons = "defective"'))
    rb("returns-otherwise-as-string", set_key(R, "returns", "otherwise", '"review"'))
    rb("returns-otherwise-unknown-outcome", set_key(R, "returns", "otherwise", '{ outcome = "maybe" }'))
    rb("returns-otherwise-with-when",
       set_key(R, "returns", "otherwise", '{ when = { channel = ["web"] }, outcome = "review", because = "x" }'))
    rb("returns-allow-as-array", add_key(R, "returns", 'allow = ["returns/gap"]'))
    rb("returns-missing-hit_policy", del_key(R, "returns", "hit_policy"))
    rb("returns-missing-window_from-with-days", del_key(R, "returns", "window_from"))
    rb("returns-no-rules", del_table(R, "returns.rule"))
    rb("returns-unknown-key-typo", add_key(R, "returns", 'hit_polcy = "first"'))
    rb("returns-exemption-categories-as-string",
       append(R, '\n[[returns.exemption]]\ncategories = "hats"\nconditions = ["opened"]\nbasis = "x"\n'))
    rb("returns-exemption-unknown-key",
       append(R, '\n[[returns.exemption]]\ncategories = ["hats"]\nconditions = ["opened"]\nbase = "x"\n'))
    rb("returns-refund_basis-as-integer", set_key(R, "returns", "refund_basis", "1"))
    rb("returns-rule-as-string", add_key(del_table(R, "returns.rule")[0], "returns", 'rule = "within-30"'))
    rb("returns-exemption-conditions-as-integer",
       append(R, '\n[[returns.exemption]]\ncategories = ["hats"]\nconditions = 1\nbasis = "x"\n'))
    rb("returns-exemption-basis-as-bool",
       append(R, '\n[[returns.exemption]]\ncategories = ["hats"]\nconditions = ["opened"]\nbasis = true\n'))
    rb("rule-id-as-integer", set_key(R, "returns.rule", "id", "30"))
    rb("rule-missing-id", del_key(R, "returns.rule", "id"))
    rb("rule-missing-outcome", del_key(R, "returns.rule", "outcome"))
    rb("rule-outcome-as-integer", set_key(R, "returns.rule", "outcome", "1"))
    rb("rule-outcome-unknown", set_key(R, "returns.rule", "outcome", '"refund_all"'))
    rb("rule-deny-without-because", set_key(R, "returns.rule", "outcome", '"deny"'))
    rb("rule-fee_percent-as-bool", set_key(R, "returns.rule", "fee_percent", "true"))
    rb("rule-refund_shipping-as-string", set_key(R, "returns.rule", "refund_shipping", '"yes"'))
    rb("rule-cite-as-integer", set_key(R, "returns.rule", "cite", "41"))
    rb("rule-because-as-array", add_key(R, "returns.rule", 'because = ["a", "b"]'))
    rb("rule-because-table-unknown-language", add_key(R, "returns.rule", 'because = { en = "No.", de = "Nein." }'))
    rb("rule-because-table-empty", add_key(R, "returns.rule", 'because = {}'))
    rb("rule-when-as-string", set_key(R, "returns.rule", "when", '"always"'))
    rb("rule-unknown-key", add_key(R, "returns.rule", 'outcom = "refund"'))
    w = Doc(R).value("returns.rule", "when")
    for name, when in [
        ("channel-as-integer", '{ channel = 1 }'),
        ("channel-unknown", '{ channel = ["app"] }'),
        ("condition-unknown", '{ condition = ["wet"] }'),
        ("condition-array-of-bools", '{ condition = [true] }'),
        ("reason-unknown", '{ reason = ["bored"] }'),
        ("category-unknown", '{ category = ["hatz"] }'),
        ("sku-unknown", '{ sku = ["HAT-9"] }'),
        ("segment-as-integer", '{ segment = 5 }'),
        ("category-as-string", '{ category = "hats" }'),
        ("sku-as-table", '{ sku = { HAT-1 = true } }'),
        ("reason-as-bool", '{ reason = false }'),
        ("days-as-integer", '{ days = 30 }'),
        ("days-min-above-max", '{ days = { min = 30, max = 1 } }'),
        ("days-negative", '{ days = { min = -1 } }'),
        ("days-unknown-key", '{ days = { mx = 30 } }'),
        ("days-past-int64", '{ days = { max = 9223372036854775808 } }'),
        ("has_receipt-as-string", '{ has_receipt = "yes" }'),
        ("final_sale-as-integer", '{ final_sale = 1 }'),
        ("unit_price-as-string", '{ unit_price = "cheap" }'),
        ("unit_price-float", '{ unit_price = { max = 9.99 } }'),
        ("unit_price-negative", '{ unit_price = { min = "-1.00" } }'),
        ("unit_price-too-many-decimals", '{ unit_price = { max = "9.999" } }'),
        ("returns_90d-as-string", '{ returns_90d = { max = "3" } }'),
        ("unknown-key-typo", '{ chanel = ["web"] }'),
    ]:
        assert when != w
        rb(f"rule-when-{name}", set_key(R, "returns.rule", "when", when))
    # -- [[assert]] --
    rb("assert-missing-id", del_key(R, "assert", "id"))
    rb("assert-no-outcome-property", del_key(R, "assert", "outcome_in"))
    rb("assert-both-outcome-properties", add_key(R, "assert", 'outcome_not_in = ["deny"]'))
    rb("assert-outcome_in-as-string", set_key(R, "assert", "outcome_in", '"refund"'))
    rb("assert-outcome_in-unknown-outcome", set_key(R, "assert", "outcome_in", '["refunded"]'))
    rb("assert-when-condition-unknown", set_key(R, "assert", "when", '{ condition = ["wet"] }'))
    rb("assert-id-as-integer", set_key(R, "assert", "id", "7"))
    rb("assert-when-as-array", set_key(R, "assert", "when", '["web"]'))
    rb("assert-outcome_not_in-as-integer", raw_line(R, "assert", "outcome_in", "outcome_not_in = 3"))
    rb("assert-unknown-key", add_key(R, "assert", 'outcome = "refund"'))
    rb("assert-because-as-integer", set_key(R, "assert", "because", "1"))


C = BASE_RETURN
P = BASE_PROMO


def claim_cases():
    # -- truncation --
    cl("truncated-mid-key", cut_after(C, "condi"))
    cl("truncated-mid-string", cut_after(C, 'sku = "HAT-2'))
    cl("truncated-mid-table-header", cut_after(C, "[[order.li"))
    cl("truncated-mid-array", cut_after(C, 'segments = ["cl'))
    cl("truncated-mid-date", cut_after(C, "placed_at = 2026-12-0"))
    cl("truncated-mid-inline-table", cut_after(C, "redemptions = { WINTER-SALE"))
    cl("empty-file", ("", 1))
    cl("only-comments", ("# the customer wrote nothing\n", 1))
    # -- bytes --
    cl("invalid-utf8-in-key", raw_line(C, "claim", "id", 'i\xffd = "BAD-RETURN"'))
    cl("invalid-utf8-in-string", raw_line(C, "order.lines", "sku", 'sku = "HAT\xc3\x28201"'))
    cl("invalid-utf8-in-comment", add_key(C, "order", "# from the till \x80\x81"))
    cl("nul-in-string", raw_line(C, "claim.items", "sku", 'sku = "HAT-201\x00"'))
    cl("nul-in-key", raw_line(C, "claim.items", "qty", 'q\x00ty = 1'))
    cl("nul-bytes-only", ("\x00" * 32, 1))
    cl("utf16-bom", (b"\xff\xfe" + C.encode("utf-16-le"), 1))
    cl("binary-garbage", (bytes(range(256)) * 2, 1))
    # -- duplicates, nesting, top level --
    cl("claim-id-twice", add_key(C, "claim", 'id = "BAD-2"'))
    cl("order-table-twice", append(C, '\n[order]\nid = "W-3"\n'))
    cl("claim-table-twice", append(C, '\n[claim]\nid = "BAD-3"\n'))
    cl("deep-nested-arrays-300", add_key(C, "customer", "notes = " + "[" * 300 + "]" * 300))
    cl("deep-nested-inline-tables-300", add_key(C, "customer", "notes = " + "{ a = " * 300 + "1" + " }" * 300))
    cl("top-level-unknown-key", add_key(C, "", 'note = "urgent"'))
    cl("top-level-unknown-table", append(C, '\n[shipment]\nid = "S-1"\n'))
    cl("expect-table-in-resolve", append(C, '\n[expect]\nverdict = "denied"\n'))
    cl("claim-missing", del_table(C, "claim"))
    cl("order-missing", del_table(del_table(C, "order.lines")[0], "order"))
    cl("claim-as-string", add_key(del_table(del_table(C, "claim")[0], "claim.items")[0], "", 'claim = "BAD"'))
    cl("order-table-and-array", raw_line(C, "order", "id", 'id = "W-1"\n[[order]]'))
    cl("customer-as-array-of-tables",
       ((C.replace("[customer]", "[[customer]]")), line_of(C, "[customer]")))
    # -- [claim] --
    cl("claim-id-as-integer", set_key(C, "claim", "id", "1042"))
    cl("claim-kind-as-integer", set_key(C, "claim", "kind", "1"))
    cl("claim-kind-unknown", set_key(C, "claim", "kind", '"refund"'))
    cl("claim-filed_at-as-string", set_key(C, "claim", "filed_at", '"2027-01-05T14:20:00+02:00"'))
    cl("claim-filed_at-bare-date", set_key(C, "claim", "filed_at", "2027-01-05"))
    cl("claim-filed_at-bare-time", set_key(C, "claim", "filed_at", "14:20:00"))
    cl("claim-filed_at-fractional-seconds", set_key(C, "claim", "filed_at", "2027-01-05T14:20:00.5+02:00"))
    cl("claim-filed_at-month-13", set_key(C, "claim", "filed_at", "2027-13-05T14:20:00+02:00"))
    cl("claim-filed_at-feb-30", set_key(C, "claim", "filed_at", "2027-02-30T14:20:00+02:00"))
    cl("claim-filed_at-year-0000", set_key(C, "claim", "filed_at", "0000-01-05T14:20:00+02:00"))
    cl("claim-filed_at-year-99999", set_key(C, "claim", "filed_at", "99999-01-05T14:20:00+02:00"))
    cl("claim-filed_at-year-3000", set_key(C, "claim", "filed_at", "3000-01-05T14:20:00+02:00"))
    cl("claim-filed_at-before-placed_at", set_key(C, "claim", "filed_at", "2026-12-01T10:00:00+02:00"))
    cl("claim-filed_at-before-delivered_at", set_key(C, "claim", "filed_at", "2026-12-09T10:00:00+02:00"))
    cl("claim-filed_at-in-dst-gap", set_key(C, "claim", "filed_at", "2027-03-28T03:30:00"))
    cl("claim-has_receipt-as-string", set_key(C, "claim", "has_receipt", '"yes"'))
    cl("claim-missing-id", del_key(C, "claim", "id"))
    cl("claim-missing-kind", del_key(C, "claim", "kind"))
    cl("claim-missing-filed_at", del_key(C, "claim", "filed_at"))
    cl("claim-unknown-key-typo", add_key(C, "claim", 'filed = 2027-01-05T14:20:00+02:00'))
    cl("claim-items-as-inline-table",
       (C.replace('[[claim.items]]\nsku = "HAT-201"\nqty = 1\ncondition = "washed"\nreason = "defective"\n',
                  '').replace('has_receipt = true',
                              'has_receipt = true\nitems = { sku = "HAT-201", qty = 1 }'),
        line_of(C, "has_receipt") + 1))
    cl("claim-return-without-items",
       (C.replace('[[claim.items]]\nsku = "HAT-201"\nqty = 1\ncondition = "washed"\nreason = "defective"\n\n',
                  ''), 1))
    cl("claim-return-with-promotion", add_key(C, "claim", 'promotion = "WINTER-SALE"'))
    # -- [[claim.items]] --
    cl("item-sku-as-integer", set_key(C, "claim.items", "sku", "201"))
    cl("item-sku-not-on-order", set_key(C, "claim.items", "sku", '"HAT-202"'))
    cl("item-qty-as-string", set_key(C, "claim.items", "qty", '"1"'))
    cl("item-qty-as-float", set_key(C, "claim.items", "qty", "1.0"))
    cl("item-qty-zero", set_key(C, "claim.items", "qty", "0"))
    cl("item-qty-negative", set_key(C, "claim.items", "qty", "-1"))
    cl("item-qty-more-than-line", set_key(C, "claim.items", "qty", "3"))
    cl("item-qty-past-int64", set_key(C, "claim.items", "qty", "9223372036854775808"))
    cl("item-qty-int64-max", set_key(C, "claim.items", "qty", "9223372036854775807"))
    cl("item-qty-over-limit-10001", set_key(C, "claim.items", "qty", "10001"))
    cl("item-condition-as-integer", set_key(C, "claim.items", "condition", "3"))
    cl("item-condition-unknown", set_key(C, "claim.items", "condition", '"wet"'))
    cl("item-reason-unknown", set_key(C, "claim.items", "reason", '"bored"'))
    cl("item-reason-as-array", set_key(C, "claim.items", "reason", '["defective"]'))
    cl("item-missing-sku", del_key(C, "claim.items", "sku"))
    cl("item-missing-qty", del_key(C, "claim.items", "qty"))
    cl("item-unknown-key-typo", add_key(C, "claim.items", "quantity = 1"))
    cl("items-same-sku-more-than-line",
       raw_line(C, "claim.items", "reason",
                'reason = "defective"\n\n[[claim.items]]\nsku = "HAT-201"\nqty = 2\n'
                'condition = "sealed"\nreason = "changed_mind"'))
    # -- [order] --
    cl("order-id-as-integer", set_key(C, "order", "id", "9001"))
    cl("order-placed_at-as-string", set_key(C, "order", "placed_at", '"yesterday"'))
    cl("order-placed_at-day-32", set_key(C, "order", "placed_at", "2026-12-32T19:42:00+02:00"))
    cl("order-placed_at-year-1899", set_key(C, "order", "placed_at", "1899-12-08T19:42:00+02:00"))
    cl("order-placed_at-offset-99h", set_key(C, "order", "placed_at", "2026-12-08T19:42:00+99:00"))
    cl("order-delivered_at-before-placed_at", set_key(C, "order", "delivered_at", "2026-12-01T12:05:00+02:00"))
    cl("order-delivered_at-as-bool", set_key(C, "order", "delivered_at", "true"))
    cl("order-channel-as-integer", set_key(C, "order", "channel", "1"))
    cl("order-channel-unknown", set_key(C, "order", "channel", '"app"'))
    cl("order-codes-as-string", set_key(C, "order", "codes", '"WINTER20"'))
    cl("order-codes-array-of-integers", set_key(C, "order", "codes", "[20]"))
    cl("order-shipping-as-float", set_key(C, "order", "shipping", "4.9"))
    cl("order-shipping-negative", set_key(C, "order", "shipping", '"-4.90"'))
    cl("order-shipping-too-many-decimals", set_key(C, "order", "shipping", '"4.999"'))
    cl("order-shipping-past-64-bits", set_key(C, "order", "shipping", '"184467440737095516.16"'))
    cl("order-shipping-over-limit-1e12-minor", set_key(C, "order", "shipping", '"10000000000.01"'))
    cl("order-shipping-not-a-number", set_key(C, "order", "shipping", '"four"'))
    cl("order-discount_received-as-bool", set_key(C, "order", "discount_received", "false"))
    cl("order-missing-id", del_key(C, "order", "id"))
    cl("order-missing-placed_at", del_key(C, "order", "placed_at"))
    cl("order-missing-channel", del_key(C, "order", "channel"))
    cl("order-missing-lines", del_table(C, "order.lines"))
    cl("order-lines-empty-array", raw_line(del_table(C, "order.lines")[0], "order", "discount_received",
                                           'discount_received = "0.00"\nlines = []'))
    cl("order-lines-as-string", raw_line(del_table(C, "order.lines")[0], "order", "discount_received",
                                         'discount_received = "0.00"\nlines = "HAT-201"'))
    cl("order-as-string", add_key(del_table(del_table(C, "order.lines")[0], "order")[0], "", 'order = "W-1"'))
    cl("order-unknown-key-typo", add_key(C, "order", 'chanel = "web"'))
    # -- [[order.lines]] --
    cl("line-sku-as-integer", set_key(C, "order.lines", "sku", "201"))
    cl("line-category-as-array", set_key(C, "order.lines", "category", '["hats"]'))
    cl("line-qty-zero", set_key(C, "order.lines", "qty", "0"))
    cl("line-qty-negative", set_key(C, "order.lines", "qty", "-3"))
    cl("line-qty-as-string", set_key(C, "order.lines", "qty", '"2"'))
    cl("line-qty-past-int64", set_key(C, "order.lines", "qty", "18446744073709551616"))
    cl("line-qty-over-limit-10001", set_key(C, "order.lines", "qty", "10001"))
    cl("line-unit_price-as-float", set_key(C, "order.lines", "unit_price", "29.0"))
    cl("line-unit_price-not-a-number", set_key(C, "order.lines", "unit_price", '"abc"'))
    cl("line-unit_price-negative", set_key(C, "order.lines", "unit_price", '"-29.00"'))
    cl("line-unit_price-too-many-decimals", set_key(C, "order.lines", "unit_price", '"29.001"'))
    cl("line-unit_price-past-64-bits", set_key(C, "order.lines", "unit_price", "99999999999999999"))
    cl("line-unit_price-over-limit-1e12-minor", set_key(C, "order.lines", "unit_price", '"10000000001"'))
    cl("line-unit_price-times-qty-overflows", raw_line(C, "order.lines", "unit_price",
                                                       'unit_price = "90000000000000000.00"'))
    cl("line-paid-as-bool", set_key(C, "order.lines", "paid", "true"))
    cl("line-paid-too-many-decimals", set_key(C, "order.lines", "paid", '"58.005"'))
    cl("line-final_sale-as-string", set_key(C, "order.lines", "final_sale", '"no"'))
    # A line may leave category and unit_price to the catalog's product
    # (issue 16); a mistake only for a sku the catalog has no product of.
    cl("line-missing-unit_price-no-product", without_product(del_key(C, "order.lines", "unit_price")))
    cl("line-missing-category-no-product", without_product(del_key(C, "order.lines", "category")))
    cl("line-unknown-key-typo", add_key(C, "order.lines", 'price = "29.00"'))
    cl("lines-duplicate-sku", append(C, '\n[[order.lines]]\nsku = "HAT-201"\ncategory = "hats"\nqty = 1\n'
                                        'unit_price = "29.00"\n'))
    # -- [customer] --
    cl("customer-id-as-integer", set_key(C, "customer", "id", "1"))
    cl("customer-language-unknown", add_key(C, "customer", 'language = "LV"'))
    cl("customer-language-as-integer", add_key(C, "customer", 'language = 1'))
    cl("customer-segments-as-string", set_key(C, "customer", "segments", '"club"'))
    cl("customer-orders_before-negative", set_key(C, "customer", "orders_before", "-1"))
    cl("customer-orders_before-as-string", set_key(C, "customer", "orders_before", '"four"'))
    cl("customer-returns_90d-negative", set_key(C, "customer", "returns_90d", "-2"))
    cl("customer-returns_90d-past-int64", set_key(C, "customer", "returns_90d", "9223372036854775808"))
    cl("customer-returns_90d-as-string", set_key(C, "customer", "returns_90d", '"one"'))
    cl("customer-as-string", add_key(del_table(C, "customer")[0], "", 'customer = "C-1"'))
    cl("customer-redemptions-as-string", set_key(C, "customer", "redemptions", '"none"'))
    cl("customer-redemptions-negative", set_key(C, "customer", "redemptions", "{ WINTER-SALE = -1 }"))
    cl("customer-redemptions-key-nfc-and-nfd",
       set_key(C, "customer", "redemptions", utf8('{ "caf\u00e9" = 0, "cafe\u0301" = 1 }')))
    cl("customer-redemptions-key-twice-non-ascii",
       set_key(C, "customer", "redemptions", utf8('{ "caf\u00e9" = 0, "caf\u00e9" = 1 }')))
    cl("customer-redemptions-as-string-count", set_key(C, "customer", "redemptions", '{ WINTER-SALE = "1" }'))
    cl("customer-unknown-key-typo", add_key(C, "customer", "orders_befor = 4"))
    # -- promotion claims --
    cl("promo-claim-with-items", raw_line(P, "claim", "promotion",
                                          'promotion = "HATS-3FOR2"\nitems = []'))
    cl("promo-claim-promotion-as-integer", set_key(P, "claim", "promotion", "3"))
    cl("promo-claim-code-as-bool", raw_line(P, "claim", "promotion", "code = true"))
    cl("promo-claim-without-promotion-or-code", del_key(P, "claim", "promotion"))
    cl("promo-claim-line-qty-zero", set_key(P, "order.lines", "qty", "0"))
    cl("promo-claim-channel-unknown", set_key(P, "order", "channel", '"phone"'))
    cl("promo-claim-customer-orders_before-as-float", set_key(P, "customer", "orders_before", "5.0"))


def jsonl_cases():
    valid = BASE_JSON

    def j(name, bad_line, before=1, after=0):
        """`before` valid lines, then the bad one, then `after` valid lines."""
        lines = [valid] * before + [bad_line] + [valid] * after
        text = "\n".join(lines) + "\n"
        case("jsonl", name + ".jsonl", (text, before + 1))

    def sub(old, new):
        assert old in valid, old
        return valid.replace(old, new, 1)

    j("truncated-object", valid[: len(valid) // 2])
    j("truncated-mid-string", valid[: valid.index("HAT-2") + 4])
    j("truncated-mid-number", valid[: valid.index('"qty": 2') + 7], before=2)
    j("empty-line", "", after=1)
    j("whitespace-only-line", " \t ", after=1)
    j("two-objects-on-one-line", valid + " " + valid)
    j("array-not-object", "[" + valid + "]")
    j("null-line", "null", before=0, after=1)
    j("string-line", '"a claim"')
    j("trailing-comma", sub('"orders_before": 4}}', '"orders_before": 4,}}'))
    j("comment-in-json", "// a claim\n" + valid, before=0)
    j("invalid-utf8-in-string", sub('"HAT-201", "qty": 1', '"HAT\xc3\x28201", "qty": 1'))
    j("invalid-utf8-in-key", sub('"channel"', '"chan\xffnel"'))
    j("overlong-utf8", sub('"C-1"', '"C\xc0\xaf1"'))
    j("nul-byte-raw-in-string", sub('"C-1"', '"C\x001"'))
    j("lone-surrogate-escape", sub('"C-1"', '"C\\ud800"'))
    j("bad-escape", sub('"C-1"', '"C\\q1"'))
    # A BOM at the start of the input is skipped (docs/batch.md); elsewhere it is not JSON.
    j("utf8-bom-on-line-2", "\xef\xbb\xbf" + valid)
    j("nan-number", sub('"qty": 2', '"qty": NaN'))
    j("duplicate-key", sub('"kind": "return"', '"kind": "return", "kind": "return"'))
    j("unknown-key-typo", sub('"channel": "web"', '"chanel": "web"'))
    j("missing-claim", '{"order": ' + valid.split('"order": ', 1)[1])
    j("claim-as-string", '{"claim": "x", "order": ' + valid.split('"order": ', 1)[1])
    j("items-as-object", sub('"items": [{"sku": "HAT-201", "qty": 1, "condition": "washed", "reason": "defective"}]',
                             '"items": {"sku": "HAT-201", "qty": 1, "condition": "washed", "reason": "defective"}'))
    j("lines-as-string", valid[: valid.index('"lines": [')] + '"lines": "HAT-201"}, "customer": {"id": "C-1"}}')
    j("has_receipt-as-string", sub('"kind": "return"', '"kind": "return", "has_receipt": "yes"'))
    j("segments-as-string", sub('"id": "C-1"', '"id": "C-1", "segments": "club"'))
    j("orders_before-as-float", sub('"orders_before": 4', '"orders_before": 4.0'))
    j("shipping-as-bool", sub('"shipping": "4.90"', '"shipping": true'))
    j("codes-array-of-numbers", sub('"channel": "web"', '"channel": "web", "codes": [20]'))
    j("final_sale-as-number", sub('"paid": "58.00"', '"paid": "58.00", "final_sale": 0'))
    j("null-value", sub('"delivered_at": "2026-12-10T12:05:00+02:00"', '"delivered_at": null'))
    j("kind-unknown", sub('"kind": "return"', '"kind": "refund"'))
    j("item-qty-as-string", sub('"qty": 1', '"qty": "1"'))
    j("item-qty-zero", sub('"qty": 1', '"qty": 0'))
    j("item-qty-negative", sub('"qty": 1', '"qty": -1'))
    j("item-qty-minus-zero", sub('"qty": 1', '"qty": -0'))
    j("item-qty-fraction", sub('"qty": 1', '"qty": 1.5'))
    j("item-qty-exponent", sub('"qty": 1', '"qty": 1e0'))
    j("item-qty-leading-zero", sub('"qty": 1', '"qty": 01'))
    j("item-qty-past-int64", sub('"qty": 1', '"qty": 99999999999999999999'))
    j("item-qty-over-limit-10001", sub('"qty": 1', '"qty": 10001'))
    j("item-qty-more-than-line", sub('"qty": 1', '"qty": 3'))
    j("item-sku-not-on-order", sub('"sku": "HAT-201", "qty": 1', '"sku": "HAT-202", "qty": 1'))
    j("item-condition-unknown", sub('"condition": "washed"', '"condition": "wet"'))
    j("line-unit_price-exponent", sub('"unit_price": "29.00"', '"unit_price": 2.9e1'))
    j("line-unit_price-too-many-decimals", sub('"unit_price": "29.00"', '"unit_price": 29.001'))
    j("line-unit_price-negative", sub('"unit_price": "29.00"', '"unit_price": "-29.00"'))
    j("line-unit_price-past-64-bits", sub('"unit_price": "29.00"', '"unit_price": "184467440737095516.16"'))
    j("line-unit_price-over-limit-1e12-minor", sub('"unit_price": "29.00"', '"unit_price": "10000000000.01"'))
    j("line-unit_price-huge-exponent", sub('"unit_price": "29.00"', '"unit_price": 1e999999999'))
    j("line-qty-zero", sub('"qty": 2', '"qty": 0'))
    j("filed_at-without-offset", sub('"filed_at": "2027-01-05T14:20:00+02:00"',
                                     '"filed_at": "2027-01-05T14:20:00"'))
    j("filed_at-fractional-seconds", sub('"filed_at": "2027-01-05T14:20:00+02:00"',
                                         '"filed_at": "2027-01-05T14:20:00.25+02:00"'))
    j("filed_at-month-13", sub('"filed_at": "2027-01-05T14:20:00+02:00"', '"filed_at": "2027-13-05T14:20:00+02:00"'))
    j("filed_at-feb-30", sub('"filed_at": "2027-01-05T14:20:00+02:00"', '"filed_at": "2027-02-30T14:20:00+02:00"'))
    j("filed_at-before-delivered_at", sub('"filed_at": "2027-01-05T14:20:00+02:00"',
                                          '"filed_at": "2026-12-09T14:20:00+02:00"'))
    j("filed_at-year-0000", sub('"filed_at": "2027-01-05T14:20:00+02:00"', '"filed_at": "0000-01-05T14:20:00+02:00"'))
    j("filed_at-year-99999", sub('"filed_at": "2027-01-05T14:20:00+02:00"',
                                 '"filed_at": "99999-01-05T14:20:00+02:00"'))
    j("filed_at-as-number", sub('"filed_at": "2027-01-05T14:20:00+02:00"', '"filed_at": 1799000000'))
    j("channel-unknown", sub('"channel": "web"', '"channel": "app"'))
    j("redemptions-key-nfc-and-nfd", sub('"orders_before": 4}',
                                         utf8('"orders_before": 4, "redemptions": {"caf\u00e9": 0, "cafe\u0301": 1}}')))
    j("deep-nesting-300", sub('"id": "C-1"', '"id": "C-1", "notes": ' + "[" * 300 + "]" * 300))
    j("deep-nesting-5000", sub('"id": "C-1"', '"id": "C-1", "notes": ' + "[" * 5000 + "]" * 5000))
    j("deep-nesting-5000-unclosed", sub('"id": "C-1"', '"id": "C-1", "notes": ' + "[" * 5000))
    j("invalid-line-among-many", sub('"qty": 1', '"qty": 0'), before=4, after=3)


def dir_cases():
    store = ('[store]\nname = "Shop"\ncurrency = "EUR"\ntimezone = "Europe/Riga"\n'
             'channels = ["web"]\n')
    promo = ('[[promotion]]\nid = "P1"\ntitle = "Ten off"\nstarts = 2027-01-01T00:00:00\n'
             'ends = 2027-02-01T00:00:00\npercent_off = 10\n')

    def d(name, files, line=None):
        for rel, text in files.items():
            case("rulebook-dirs", f"{name}/{rel}", (text, line))

    d("store-in-two-files", {"a-store.toml": store, "b-store.toml": store + "locale = \"en\"\n"})
    d("promotion-id-in-two-files", {"a.toml": store, "b.toml": promo, "c.toml": promo.replace("Ten", "10")})
    d("fineprint-key-in-two-files", {"a.toml": "fineprint = 1\n" + store, "b.toml": "fineprint = 1\n" + promo})
    d("parse-error-in-second-file", {"a.toml": store, "b.toml": promo[:40]})
    d("no-store-in-any-file", {"a.toml": promo, "b.toml": promo.replace("P1", "P2")})
    d("unknown-category-across-files",
      {"a.toml": store + '\n[catalog]\ncategories = ["hats"]\n',
       "b.toml": promo + 'products = { categories = ["boots"] }\n'})
    d("invalid-utf8-in-one-file", {"a.toml": store, "b.toml": promo.replace("Ten off", "Ten\xff off")})
    d("no-toml-files", {"README.txt": "the rulebook is elsewhere\n", "rules.tml": store})
    d("only-policy-tests", {"tests/t.toml": store})
    d("error-in-nested-folder", {"a.toml": store, "promos/winter/p.toml": promo.replace("percent_off = 10",
                                                                                        "percent_off = 0")})


def main():
    rulebook_cases()
    claim_cases()
    jsonl_cases()
    dir_cases()
    for folder in ("rulebooks", "claims", "jsonl", "rulebook-dirs"):
        shutil.rmtree(HERE / folder, ignore_errors=True)
    for path, (data, line) in sorted(CASES.items()):
        target = HERE / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
        sys.stdout.write(f"{path}\t{line if line is not None else '-'}\n")


if __name__ == "__main__":
    main()
