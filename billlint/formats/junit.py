"""junit: JUnit XML for CI dashboards: one test case per file checked. A file fails when it has a finding at or
above --fail-on (the same threshold as the exit code); findings below it are listed in the case's output."""

from collections import OrderedDict

from lxml import etree

from ..model.vocabulary import SEVERITY_RANK
from . import Base, statistics_rows, xml_safe


def _line(f) -> str:
    where = f"{f.provision}: " if f.provision else ""
    return xml_safe(f"{f.path}:{f.line}:{f.column}: {f.severity} {f.code} [{f.name}] {where}{f.message}")


class Formatter(Base):
    def start(self) -> None:
        self.by_file = OrderedDict()

    def handle(self, f) -> None:
        super().handle(f)
        self.by_file.setdefault(f.path, []).append(f)

    def finish(self, files: int, stats=None) -> None:
        threshold = SEVERITY_RANK[self.fail_on]
        paths = list(self.paths) + [p for p in self.by_file if p not in self.paths]
        suite = etree.Element("testsuite", name="billlint", tests=str(len(paths)), errors="0")
        failed = 0
        for path in paths:
            case = etree.SubElement(suite, "testcase", classname="billlint", name=xml_safe(path))
            found = self.by_file.get(path, [])
            bad = [f for f in found if SEVERITY_RANK[f.severity] >= threshold]
            if bad:
                failed += 1
                n = len(bad)
                worst = max(bad, key=lambda f: SEVERITY_RANK[f.severity]).severity
                fail = etree.SubElement(case, "failure", type=worst,
                                        message=f"{n} finding{'s' * (n != 1)} at or above {self.fail_on}")
                fail.text = "\n".join(_line(f) for f in bad)
            rest = [f for f in found if SEVERITY_RANK[f.severity] < threshold]
            if rest:
                etree.SubElement(case, "system-out").text = "\n".join(_line(f) for f in rest)
        suite.set("failures", str(failed))
        if stats:
            props = etree.Element("properties")
            for code, name, n in statistics_rows(stats):
                etree.SubElement(props, "property", name=f"{code} {name}", value=str(n))
            suite.insert(0, props)
        root = etree.Element("testsuites", tests=str(len(paths)), failures=str(failed), errors="0")
        root.append(suite)
        self.write(etree.tostring(root, pretty_print=True, xml_declaration=True, encoding="UTF-8").decode())
