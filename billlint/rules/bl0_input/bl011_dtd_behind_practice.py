"""BL011 dtd-behind-practice: reported by the loader (pipeline/load.py); the docstring below is its user documentation."""

from ..registry import declare

declare("BL011", "dtd-behind-practice", "info", module=__name__, doc="""
A DTD error that comes only from the published DTD lagging GPO's own practice, not from the bill.

The bill DTD published by GPO is dated 17 August 2016 (2016-08-17); the Senate's drafting tools have since put
an `slc-id` attribute on `<bill>` (the resolution and amendment DTDs of 2018 declare it; the bill DTD does not).
xmllint rejects such a file, but nothing in it is wrong by GPO's practice: the finding is `info`, and its
message names the DTD and its date. Only the attributes listed here are taken as the DTD's lag; every other
DTD error stays dtd-invalid (BL002).

The same holds for USLM: the converter that wrote the USLM 1.0 bills of the 116th Congress puts a `pagenum`
attribute on nearly every element, which no published USLM schema declares. Those schema errors are reported
here, once per file, naming the schema; every other schema error stays schema-invalid (BL010). A file is valid by billlint exactly when `xmllint --dtdvalid` accepts it
and neither BL002 nor BL011 is reported.

Bad (for the 2016 bill DTD): `<bill ... slc-id="S1-MIR23606-HLG-JW-S7H">`, reported as info; so is
`<section pagenum="2">` in a USLM 1.0 bill (USLM-1.0.18.xsd).
Good: a `<bill>` without attributes the DTD does not declare.
""")
