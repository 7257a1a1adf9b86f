#!/usr/bin/env python3
"""Writes a synthetic CMS practitioner PTP release zip in the layout CMS ships (rules reference section 4.1).

Four text parts ccipra-vXXXrX-f1.txt .. -f4.txt of about 300,000 rows each, every part with its own copyright preamble
and header, plus the entries a downloaded release carries that are not edits (a spreadsheet stub, a PDF stub, a readme).
Rows are sorted by column 1 then column 2; one pair in 50 has a deleted old row and a current one; the pre-1996 star is on
a third of the rows; the therapy edits of the shipped table sit at their sorted places.

usage: python3 benchmarks/generate-ptp-release.py OUT.zip [ROWS_PER_PART]   (default 300000)
Not a test: the CLI is timed on its output with /usr/bin/time -v (see benchmarks/README.md).
"""
import io
import sys
import zipfile

PREAMBLE = (
    "CPT codes, descriptions and other data only are copyright 2025 American Medical Association. All Rights Reserved.\r\n"
    "Applicable FARS\\DFARS Restrictions Apply to Government Use.\r\n"
    "\r\n"
    "Column1\tColumn 2\t*=in existence\tEffective\tDeletion\tModifier\tPTP Edit Rationale\r\n"
    "\t\tprior to 1996\tDate\tDate\t0=not allowed\t\r\n"
    "\t\t\t\t*=no data\t1=allowed\t\r\n"
    "\t\t\t\t\t9=not applicable\t\r\n"
)
RATIONALES = [
    "Misuse of column two code with column one code",
    "Mutually exclusive procedures",
    "Standards of medical / surgical practice",
    "CPT Manual or CMS manual coding instructions",
    "More extensive procedure",
]
THERAPY = {  # column 1 -> column 2 codes (the shipped table's pairs, as CMS data)
    "97012": ["97140"], "97110": ["97164", "97168"], "97112": ["97164", "97168"], "97113": ["97110"],
    "97116": ["97164", "97168"], "97140": ["97164", "97168", "97530"], "97150": ["97110", "97164", "97535"],
    "97530": ["97116", "97164", "97168", "97535"], "97535": ["97164", "97168"],
}


def rows():
    n = 0
    for c1 in range(10000, 100000, 2):
        col1 = f"{c1:05d}"
        seconds = sorted(set([f"{(c1 + 1 + 37 * k) % 90000 + 10000:05d}" for k in range(27)]) - {col1})
        if col1 in THERAPY:
            seconds = sorted(set(seconds) | set(THERAPY[col1]))
        for col2 in seconds:
            n += 1
            star = "*" if n % 3 == 0 else ""
            rationale = RATIONALES[n % len(RATIONALES)]
            indicator = "0" if n % 7 == 0 else "1"
            if col1 in THERAPY and col2 in THERAPY[col1]:
                yield col1, f"{col1}\t{col2}\t\t20201001\t*\t1\t{rationale}\r\n"
            elif n % 50 == 0:
                yield col1, f"{col1}\t{col2}\t{star}\t19960101\t20150101\t0\t{rationale}\r\n"
                yield col1, f"{col1}\t{col2}\t\t20150101\t*\t{indicator}\t{rationale}\r\n"
            else:
                yield col1, f"{col1}\t{col2}\t{star}\t20100101\t*\t{indicator}\t{rationale}\r\n"


def main():
    out = sys.argv[1]
    per_part = int(sys.argv[2]) if len(sys.argv) > 2 else 300000
    parts, current, count, last_col1 = [], io.StringIO(), 0, None
    current.write(PREAMBLE)
    for col1, line in rows():
        # a part ends at a column-1 boundary once it holds its share (never more than four parts)
        if count >= per_part and col1 != last_col1 and len(parts) < 3:
            parts.append((current.getvalue(), count))
            current, count = io.StringIO(), 0
            current.write(PREAMBLE)
        current.write(line)
        count += 1
        last_col1 = col1
    parts.append((current.getvalue(), count))
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for i, (text, n) in enumerate(parts):
            z.writestr(f"ccipra-v321r0-f{i + 1}.txt", text.encode("latin-1"))
            print(f"ccipra-v321r0-f{i + 1}.txt: {n} rows")
        z.writestr("ccipra-v321r0-f1.xlsx", b"PK\x03\x04 not a real spreadsheet")
        z.writestr("NCCI_PTP_Edit_Policy.pdf", b"%PDF-1.7 not a real pdf")
        z.writestr("README.txt", "Synthetic practitioner PTP release for benchmarks (four parts).\r\n")


if __name__ == "__main__":
    main()
