"""What the checks with the real clients share (issue 18): where `make deps`
put the pinned npm tools, and a loud failure when they are not there.

A missing tool is a failure, never a skip: CI runs `make test`, which runs
`make deps` first, so a missing tool means the checkout is broken, and a
silent skip would let the check go unnoticed for good.
"""
import shutil
import sys
from pathlib import Path

failures = []


def fail(message):
    """Records a problem; the check goes on, to report them all."""
    failures.append(message)
    print(f"FAIL: {message}")


def finish(summary=None):
    """The exit code: 1 when a problem was recorded, else 0 (saying `summary`)."""
    if failures:
        print(f"{len(failures)} problem(s)")
        return 1
    if summary:
        print(summary)
    return 0


def arguments(doc):
    """FINEPRINT SOURCE_DIR from the command line (the executable made
    absolute), or exit 2 with the usage."""
    if len(sys.argv) != 3:
        print(doc)
        sys.exit(2)
    return str(Path(sys.argv[1]).resolve()), Path(sys.argv[2]).resolve()


def debian_tool(name, package):
    """Exit 1 saying which Debian package to install when `name` is not on PATH."""
    if shutil.which(name) is None:
        print(f"FAIL: {name} is missing: install the Debian package {package} (`make deps`)")
        sys.exit(1)


def npm_tool(source, name):
    """tools/node_modules/.bin/NAME, or exit 1 saying how to get it."""
    path = Path(source) / "tools" / "node_modules" / ".bin" / name
    if not path.exists():
        print(f"FAIL: {path} is missing: run `make deps`, which installs the pinned npm "
              f"tools of tools/package-lock.json (npm ci) into tools/node_modules")
        sys.exit(1)
    return str(path)


def code_point_slice(lines, line, column, end_line, end_column):
    """The text from (line, column) up to, not including, (end_line,
    end_column): 1-based lines, columns in code points, as SARIF counts
    them with columnKind unicodeCodePoints. `lines` keep their line ends."""
    if end_line == line:
        return lines[line - 1][column - 1:end_column - 1]
    text = lines[line - 1][column - 1:]
    for middle in range(line, end_line - 1):
        text += lines[middle]
    return text + lines[end_line - 1][:end_column - 1]
