"""Count the amendment parser's systematic error classes (issue 18) over a corpus, so a regression shows.

    python bench/amendments.py [--holdout] [--show E5] [--out FILE] [FOLDER]

Each class is found from the text around an instruction with plain checks of their own, not with the
parser's patterns, so a class the grammar gets wrong is not hidden by the same mistake in the detector.
By default the files listed in tests/corpus/holdout.txt are left out (--holdout counts them too).

E1  an inline quotation after "the following:" / "as follows:" is not the inserted text
E2  "inserting after “Z” the following: “Y”": Z reported as the inserted text, or no anchor
E3  "X is amended[,] in Y[,] by …": Y missing from the target
E4  "by amending X to read as follows:": X missing from the target
E5  the root target cut at an initial, an abbreviation, a ";" in a parenthetical, a dash in a name
E6  "the following" (split by a line break) taken as a literal operand
E7  "… and inserting “Y” each place it appears": the qualifier lost
E8  a later "X is amended" sentence takes an earlier sentence's target; "Provided, That" in a target
E9  a context holding a quotation ("in the item relating to “…”—") not passed down
E10 a chapeau ending "is amended as follows:" not passed down
E11 prose read as an operation ("Joint Strike Fighter")
E12 a redesignation side with trailing words or cut at a designation with a period ("ee.")
E13 a strike operand that swallows the next operation
E14 a context qualifier cut at "by" ("(as redesignated by paragraph (1))")
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from billlint.analysis import amendments as am  # noqa: E402
from billlint.pipeline.load import load  # noqa: E402

CLASSES = [f"E{i}" for i in range(1, 15)]
_ABBR_BEFORE = re.compile(r"(?:\b[A-Z]\.|\b(?:U\.S\.C|App|Dr|Mr|Mrs|Ms|St|No|Jr|Sr|Stat|Inc)\.|[A-Za-z0-9]—|\(\S[^()]*;)\s*$")
_VERBS_NEXT = re.compile(r"\b(?:insert(?:ing)?|substitut\w*|replac(?:e|ing)|adding|redesignating)\b", re.I)
_AMENDED = re.compile(r"\b(?:is|are)\s+(?:hereby\s+)?(?:further\s+)?amended\b")
_GOOD_BEFORE = {"by", "and", "or", "then", "also", "further", "to", ""}


def display(run) -> tuple[str, list[tuple[int, int]]]:
    """The run's text with its quotations in curly quotation marks, and where each quotation stands."""
    placed = am.Placed(run)
    out, spans, pos = [], [], 0
    for m in re.finditer("\ue000(\\d+)\ue001", placed.text):
        out.append(placed.text[pos:m.start()])
        start = sum(len(s) for s in out)
        out.append("\u201c" + placed.kept[int(m.group(1))] + "\u201d")
        spans.append((start, start + len(out[-1])))
        pos = m.end()
    out.append(placed.text[pos:])
    return "".join(out), spans


def norm(s: str) -> str:
    return " ".join(s.split())


def plain(run, start: int, end: int) -> str:
    """run.text[start:end] with each quotation replaced by Q."""
    out, pos = [], start
    for s, e, tag in run.marks:
        if tag == "quote" and s >= pos and e <= end:
            out += [run.text[pos:s], "Q"]
            pos = e
    return "".join(out) + run.text[pos:end]


def balanced(s: str) -> bool:
    depth = 0
    for c in s:
        depth += (c == "(") - (c == ")")
        if depth < 0:
            return False
    return depth == 0


class Detector:
    def __init__(self):
        self.counts: Counter = Counter()
        self.cases: dict = {c: [] for c in CLASSES}
        self.total = self.parsed_phrases = self.phrases = 0
        self.unparsed: list = []

    def hit(self, cls: str, where: str, text: str):
        self.counts[cls] += 1
        self.cases[cls].append(f"{where}: {norm(text)[:300]}")

    def file(self, path: Path):
        doc = load(str(path), None, validate=False).doc
        if doc is None:
            return
        found = am.parse(doc, "reported")
        t, h, misses = am.coverage(doc)
        self.phrases += t
        self.parsed_phrases += h
        self.unparsed += [f"{path.name} {prov.path}: {text}" for prov, text in misses]
        texts: dict = {}
        by_prov: dict = {}
        for ins in found:
            by_prov.setdefault(ins.prov, []).append(ins)
        for ins in found:
            self.total += 1
            key = id(ins.run)
            if key not in texts:
                texts[key] = (display(ins.run), norm(ins.run.text))
            self.check(path, doc, ins, by_prov)

    def check(self, path, doc, ins, by_prov):
        run = ins.run
        text = run.text
        where = f"{path.name} {ins.prov.path}"
        ops = ins.operands
        say = text[max(0, ins.start - 80):ins.end + 120]
        quotes = sorted((m[0], m[1]) for m in run.marks if m[2] == "quote")
        qtext = {s: "\u201c" + text[s:e] + "\u201d" for s, e in quotes}
        tail = text[ins.start:min(len(text), ins.end + 400)]
        targets = [norm(t) for t in ins.target]
        # E1: "the following:" / "as follows:" right before a quotation
        for m in re.finditer(r"(?:the\s+following(?:\s+new\s+\w+)?|as\s+follows)\s*[:—]?\s*", tail):
            at = ins.start + m.end()
            if at in qtext and ins.start + m.start() < ins.end + 5:
                if norm(ops.get("insert", "")) != norm(qtext[at]):
                    self.hit("E1", where, say)
                break
        # E2: "inserting after “Z” [each place …] the following"
        m = re.match(r"insert(?:ing)?\s+(?:after|before)\s+", tail)
        if ins.action == am.INSERT and m and ins.start + m.end() in qtext:
            z = qtext[ins.start + m.end()]
            if norm(ops.get("insert", "")) == norm(z) or not norm(ops.get("anchor", "")).startswith(norm(z)):
                self.hit("E2", where, say)
        # E3: "is amended[,] in Y[,] by"
        before = text[:ins.start]
        am_m = list(_AMENDED.finditer(before))
        if am_m:
            last = am_m[-1]
            m = re.match(r",?\s+in\s+(.{3,200}?),?\s+by\s*$", text[last.end():ins.start])
            if m and not any(norm(m.group(1))[:12].strip() in t for t in targets):
                self.hit("E3", where, say)
        # E4: "by amending X to read as follows"
        m = re.search(r"amending\s+(.{3,40}?)\s+to\s+read\s+as\s+follows", text[max(0, ins.start - 200):ins.end])
        if ins.action == am.RESTATE and m and not any(t.startswith(norm(m.group(1))[:15]) for t in targets):
            self.hit("E4", where, say)
        # E5: the root target cut short
        if targets:
            dtext = norm(display(run)[0])
            i = dtext.find(targets[0][:40])
            # unbalanced: cut inside a parenthetical (unless the bill's own text is unbalanced)
            if i > 0 and _ABBR_BEFORE.search(dtext[:i]) or not balanced(targets[0]) and balanced(run.text):
                self.hit("E5", where, say)
        # E6: "the following" as a literal operand
        for k in ("insert", "strike", "anchor"):
            if norm(ops.get(k, "")).lower().startswith("the following"):
                self.hit("E6", where, say)
        # E7: "inserting “Y” each place it appears"
        m = re.search(r"inserting\s+(?:in\s+lieu\s+thereof\s+)?\S.{0,300}?\s+(?:each|every)\s+(?:place|time)\s+\w+\s+appears",
                      plain(run, ins.start, ins.end)) if "appears" in ins.text else None
        if m and "places" not in ops:
            self.hit("E7", where, say)
        # E8: a later sentence's target; "Provided, That"
        if am_m and targets:
            subject = norm(before[max(0, am_m[-1].start() - 25):am_m[-1].start()]).split()[-2:]
            if subject and not any(" ".join(subject).strip("(),") in t for t in targets):
                self.hit("E8", where, say)
        if any(t.startswith("Provided") for t in targets):
            self.hit("E8", where, say)
        # E9, E10: contexts of the provisions above
        for anc in ins.prov.ancestors():
            if anc is ins.prov:
                continue
            atext = doc.text(anc.el, "reported")
            a = norm(atext.text)
            aq = [atext.text[s:e] for s, e, tag in atext.marks if tag == "quote"]
            if re.match(r"in\s", a, re.I) and a.endswith("—") and aq and not any(norm(aq[0]) in t for t in targets):
                self.hit("E9", where, say)
            if re.search(r"amended\s+as\s+follows:$", a):
                subject = norm(a[:a.find(" is amended")]).split()[-3:] if " is amended" in a else []
                if not any(" ".join(subject).strip("(),") in t for t in targets):
                    self.hit("E10", where, say)
            break
        # E11: prose read as an operation
        word = re.findall(r"([A-Za-z]+|[^\sA-Za-z])\s*$", text[max(0, ins.start - 30):ins.start])
        prev = word[0].lower() if word else ""
        if prev.isalpha() and prev not in _GOOD_BEFORE and ins.action not in (am.REPEAL, am.RESTATE):
            self.hit("E11", where, say)
        # E12: redesignation sides
        if ins.action == am.REDESIGNATE:
            for side in (ops["from"], ops["to"]):
                if re.search(r"respectively|indentation|\bwith\b|\bmoving\b", side) or not balanced(side):
                    self.hit("E12", where, say)
            follow = text[ins.start:ins.end + 3]
            if re.search(r"\b[a-z]{1,3}\.\s*(?:,|and|through|as)", follow) and not re.search(r"\b[a-z]{1,3}\.", ops["to"]):
                self.hit("E12", where, say)
        # E13: a strike operand that swallows the next operation
        if "strike" in ops:
            bare = re.sub(r"\u201c[^\u201d]*\u201d", " ", ops["strike"])
            if _VERBS_NEXT.search(bare):
                self.hit("E13", where, say)
        # E14: a context qualifier cut at "by"
        if any(not balanced(t) for t in targets[1:]):
            self.hit("E14", where, say)


def sample(files, k: int, seed: int):
    """k operation phrases drawn at random (seeded) from all the files, each with what billlint parsed."""
    import random
    phrases = []
    for p in files:
        doc = load(str(p), None, validate=False).doc
        if doc is None:
            continue
        for prov in doc.provisions_in("reported"):
            if prov.quoted is None:
                run = doc.text(prov.el, "reported")
                phrases += [(p, prov.path, m.start()) for m in am.OPERATION.finditer(am.Placed(run).text)]
    picked = sorted(random.Random(seed).sample(range(len(phrases)), k))
    docs: dict = {}
    for n, i in enumerate(picked, 1):
        p, path, at = phrases[i]
        if p not in docs:
            docs.clear()
            docs[p] = load(str(p), None, validate=False).doc
        doc = docs[p]
        parsed = docs.setdefault((p, "parsed"), am.parse(doc, "reported"))
        prov = next(x for x in doc.provisions_in("reported") if x.path == path and x.quoted is None)
        run = doc.text(prov.el, "reported")
        placed = am.Placed(run)
        pos = placed.to_run(at)
        chapeaux = [norm(doc.text(a.el, "reported").text)[-160:] for a in reversed(list(prov.ancestors()))
                    if a is not prov][-3:]
        print(f"## {n}. {p.name} {path}")
        for c in chapeaux:
            print(f"   above: …{c}")
        print(f"   text: {norm(display(run)[0])[:700]}")
        hits = [ins for ins in parsed if ins.prov is prov and ins.start <= pos < ins.end]
        for ins in hits or [None]:
            if ins is None:
                print("   parsed: NOTHING")
                continue
            ops = {k: v for k, v in ins.operands.items()}
            blk = ins.block
            tops = [c for c in blk if isinstance(c.tag, str) and c.find("enum") is not None] if blk is not None else []
            bdesc = (f"line {blk.sourceline}" + (f", starts {tops[0].tag} {''.join(tops[0].find('enum').itertext())}"
                                                  if tops else "")) if blk is not None else "-"
            if ins.action == am.REDESIGNATE:
                ops["respectively"] = ins.respectively
            print(f"   parsed: {ins.action} | target: {' / '.join(ins.target)} | ops: {ops} | block: {bdesc}")


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("folder", nargs="?", default=str(ROOT.parent / "shared" / "corpus" / "bills"))
    ap.add_argument("--holdout", action="store_true", help="also count the holdout files")
    ap.add_argument("--show", action="append", default=[], help="list the instances of a class (or 'unparsed')")
    ap.add_argument("--sample", type=int, default=0, help="print this many seeded-random operation phrases and "
                                                          "their parse, for judging by hand")
    ap.add_argument("--seed", type=int, default=18)
    args = ap.parse_args(argv)
    hold = set()
    if not args.holdout:
        listing = ROOT / "tests" / "corpus" / "holdout.txt"
        hold = {Path(line.strip()).name for line in listing.read_text().splitlines()
                if line.strip() and not line.startswith("#")} if listing.exists() else set()
    det = Detector()
    files = [p for p in sorted(Path(args.folder).glob("*.xml")) if p.name not in hold]
    if args.sample:
        return sample(files, args.sample, args.seed)
    for p in files:
        det.file(p)
    print(f"{len(files)} files, {det.total} instructions; operation phrases parsed {det.parsed_phrases}/{det.phrases}"
          f" ({100 * det.parsed_phrases / max(det.phrases, 1):.2f}%)")
    for c in CLASSES:
        print(f"{c:4} {det.counts[c]}")
    for c in args.show:
        print(f"\n{c}:")
        for line in (det.unparsed if c == "unparsed" else det.cases.get(c, [])):
            print("  " + line)


if __name__ == "__main__":
    main()
