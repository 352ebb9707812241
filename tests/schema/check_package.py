#!/usr/bin/python3
"""Builds the Debian package and runs the binary inside it.

  check_package.py CPACK BUILD_DIR WORK_DIR

`cpack -G DEB` with the build's CPackConfig.cmake writes the .deb into
WORK_DIR (emptied first); the package must declare its runtime Debian
dependencies (dpkg-shlibdeps), carry a gzipped man page, pass lintian at
--pedantic without a tag, and its usr/bin/fineprint, unpacked with
dpkg-deb -x, must run.
"""

import os
import shutil
import subprocess
import sys
from pathlib import Path


def lintian(deb):
    """lintian at --pedantic: no tag at all (issue 18); overrides, if ever
    needed, ship in the package (/usr/share/lintian/overrides/fineprint)
    with the reason beside each."""
    if shutil.which("lintian") is None:
        return ["lintian is missing: install the Debian package lintian (`make deps`)"]
    proc = subprocess.run(["lintian", "--pedantic", "--display-info", "--fail-on",
                           "error,warning,info,pedantic", str(deb)],
                          capture_output=True, text=True)
    tags = [line for line in proc.stdout.splitlines() if line[:2] in ("E:", "W:", "I:", "P:")]
    if proc.returncode != 0 or tags:
        return [f"lintian --pedantic: {tag}" for tag in tags] or [
            f"lintian exited {proc.returncode}: {proc.stderr.strip()}"]
    return []


def main():
    if len(sys.argv) != 4:
        print(__doc__)
        return 2
    cpack, build, work = sys.argv[1], Path(sys.argv[2]), Path(sys.argv[3])
    if shutil.which("dpkg-deb") is None:
        print("SKIP: dpkg-deb is not on this machine")
        return 77
    shutil.rmtree(work, ignore_errors=True)
    work.mkdir(parents=True)
    proc = subprocess.run([cpack, "-G", "DEB", "--config", str(build / "CPackConfig.cmake"), "-B", str(work)],
                          capture_output=True, text=True)
    debs = sorted(work.glob("*.deb"))
    if proc.returncode != 0 or len(debs) != 1:
        print(proc.stdout, proc.stderr)
        print(f"FAIL: cpack exit {proc.returncode}, packages {debs}")
        return 1
    deb = debs[0]
    depends = subprocess.run(["dpkg-deb", "-f", str(deb), "Depends"], capture_output=True, text=True).stdout
    problems = [f"Depends lacks {name}" for name in
                ("libdate-tz3", "libfmt9", "libsimdjson14", "tzdata")
                if name not in depends]
    # ICU, Boost.Program_options and libcsv are linked from their static
    # archives (cmake/static_archives.cmake), and toml++'s compiled part is
    # built in (src/load/toml_implementation.cpp): the package must not pull them.
    problems += [f"Depends names {name}, which is linked in statically" for name in
                 ("libicu", "libboost-program-options", "libcsv", "libtomlplusplus")
                 if name in depends]
    root = work / "root"
    subprocess.run(["dpkg-deb", "-x", str(deb), str(root)], check=True)
    exe = root / "usr" / "bin" / "fineprint"
    env = {**os.environ, "TZ": "UTC"}
    version = subprocess.run([str(exe), "--version"], capture_output=True, text=True, env=env)
    if version.returncode != 0 or not version.stdout.startswith("fineprint "):
        problems.append(f"packaged --version: exit {version.returncode}, {version.stdout!r} {version.stderr!r}")
    schema = subprocess.run([str(exe), "schema", "rulebook"], capture_output=True, text=True, env=env)
    if schema.returncode != 0 or '"$schema"' not in schema.stdout:
        problems.append(f"packaged schema rulebook: exit {schema.returncode}")
    if not (root / "usr" / "share" / "man" / "man1" / "fineprint.1.gz").is_file():
        problems.append("the package has no gzipped man page")
    problems += lintian(deb)
    for problem in problems:
        print(f"FAIL: {problem}")
    if problems:
        return 1
    print(f"{deb.name}: Depends: {depends.strip()}; the packaged binary runs")
    return 0


if __name__ == "__main__":
    sys.exit(main())
