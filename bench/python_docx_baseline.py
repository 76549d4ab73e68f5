#!/usr/bin/python3
"""The baseline a user would otherwise write (issue 8): python-docx opens each .docx and reads
the text of every table cell.

    /usr/bin/python3 bench/python_docx_baseline.py PATH…   (files, or directories of *.docx)

Needs python-docx (Debian: python3-docx, installed for /usr/bin/python3 — bench/setup.sh).
Prints the number of documents and cells read.
"""

import os
import sys

try:
    import docx  # python-docx
except ImportError:
    sys.exit("python_docx_baseline: python-docx is missing (bash bench/setup.sh installs "
             "python3-docx; run it with /usr/bin/python3)")


def paths(args):
    for a in args:
        if os.path.isdir(a):
            found = []
            for root, _dirs, files in os.walk(a):
                found += [os.path.join(root, f) for f in files if f.endswith(".docx")]
            yield from sorted(found)
        else:
            yield a


def main():
    documents = cells = 0
    for path in paths(sys.argv[1:]):
        document = docx.Document(path)
        for table in document.tables:
            for row in table.rows:
                for cell in row.cells:
                    cells += len(cell.text) >= 0
        documents += 1
    print("%d documents, %d cells" % (documents, cells))


if __name__ == "__main__":
    main()
