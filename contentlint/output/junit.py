"""JUnit XML, for CI test reports (GitLab's ``artifacts:reports:junit``, Jenkins, Azure).

One test suite per file; each finding is a failed test case named after its rule and position, and
a file without findings is one passed test case, so that the report lists every file checked.
An unreadable file is an ``<error>``.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from typing import TextIO

from contentlint.model.result import Report
from contentlint.output.base import OutputOptions


def to_junit(run: Report) -> ET.Element:
    """Return the ``<testsuites>`` element of a run."""
    root = ET.Element("testsuites", name="contentlint")
    total = failures = errors = 0
    for result in run.files:
        suite = ET.SubElement(root, "testsuite", name=result.path)
        cases = failed = broken = 0
        if result.error:
            case = ET.SubElement(suite, "testcase", name="read", classname=result.path)
            ET.SubElement(case, "error", message=result.error, type="CL001").text = f"{result.path}: {result.error}"
            cases, broken = 1, 1
        elif not result.findings:
            ET.SubElement(suite, "testcase", name="no findings", classname=result.path)
            cases = 1
        for finding in result.findings:
            case = ET.SubElement(suite, "testcase",
                                 name=f"{finding.code} {finding.name} at {finding.line}:{finding.column}",
                                 classname=result.path, file=result.path, line=str(finding.line))
            text = (f"{finding.path}:{finding.line}:{finding.column}: "
                    f"{finding.severity} {finding.code} {finding.message}")
            for loc in finding.related:
                text += f" [see {loc.path}:{loc.line}:{loc.column}]"
            failure = ET.SubElement(case, "failure", message=finding.message, type=f"{finding.severity} {finding.code}")
            failure.text = text
            cases += 1
            failed += 1
        suite.set("tests", str(cases))
        suite.set("failures", str(failed))
        suite.set("errors", str(broken))
        total, failures, errors = total + cases, failures + failed, errors + broken
    root.set("tests", str(total))
    root.set("failures", str(failures))
    root.set("errors", str(errors))
    return root


def render_junit(run: Report, out: TextIO, options: OutputOptions) -> None:
    """Write the run as JUnit XML."""
    root = to_junit(run)
    ET.indent(root)
    out.write('<?xml version="1.0" encoding="UTF-8"?>\n')
    out.write(ET.tostring(root, encoding="unicode"))
    out.write("\n")
