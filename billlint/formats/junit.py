"""junit: JUnit XML, a test case per file checked and a failure per finding, for CI dashboards."""

from collections import OrderedDict

from lxml import etree

from . import Base, xml_safe


class Formatter(Base):
    def start(self) -> None:
        self.by_file = OrderedDict()

    def handle(self, f) -> None:
        super().handle(f)
        self.by_file.setdefault(f.path, []).append(f)

    def finish(self, files: int, stats=None) -> None:
        suite = etree.Element("testsuite", name="billlint", tests=str(max(files, len(self.by_file))),
                              failures=str(self.count), errors="0")
        for path in list(self.paths) + [p for p in self.by_file if p not in self.paths]:
            case = etree.SubElement(suite, "testcase", classname="billlint", name=xml_safe(path))
            for f in self.by_file.get(path, []):
                fail = etree.SubElement(case, "failure", type=f"{f.code} {f.name}", message=xml_safe(f.message))
                fail.text = xml_safe(f"{f.path}:{f.line}:{f.column}: {f.code} [{f.name}] "
                                     f"{f.provision + ': ' if f.provision else ''}{f.message}")
        root = etree.Element("testsuites")
        root.append(suite)
        self.write(etree.tostring(root, pretty_print=True, xml_declaration=True, encoding="UTF-8").decode())

