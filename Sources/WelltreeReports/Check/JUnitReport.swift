import WelltreeCore

/// A JUnit XML report: one test suite per workload, one test case per applied lens, failing
/// when the lens has a finding. CI systems show it as a test list.
package enum JUnitReport {
    package static func render(_ result: CheckResult) -> String {
        var cases = result.checked
        for item in result.findings where !cases.contains(where: { $0.workloadId == item.workloadId && $0.lens == item.lens }) {
            cases.append(CheckedLens(workloadId: item.workloadId, workloadName: item.workloadName, lens: item.lens,
                                     lensName: item.lensName, file: item.file, high: 0, medium: 0))
        }
        var suites: [(id: String, name: String, cases: [CheckedLens])] = []
        for checked in cases {
            if let index = suites.firstIndex(where: { $0.id == checked.workloadId }) {
                suites[index].cases.append(checked)
            } else {
                suites.append((checked.workloadId, checked.workloadName, [checked]))
            }
        }
        let failing = cases.filter { checked in result.findings.contains { $0.workloadId == checked.workloadId && $0.lens == checked.lens } }
        let integrityFailures = result.failingIntegrity.count
        var out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        out += "<testsuites name=\"welltree check\" tests=\"\(cases.count + result.integrity.count + result.evidence.count)\" "
            + "failures=\"\(failing.count + integrityFailures + result.failingEvidence.count)\" errors=\"0\">\n"
        for suite in suites {
            let failures = suite.cases.filter { checked in failing.contains { $0.workloadId == checked.workloadId && $0.lens == checked.lens } }
            out += "  <testsuite name=\"\(escape(suite.name))\" tests=\"\(suite.cases.count)\" failures=\"\(failures.count)\" errors=\"0\">\n"
            for checked in suite.cases {
                let findings = result.findings.filter { $0.workloadId == checked.workloadId && $0.lens == checked.lens }
                out += "    <testcase classname=\"\(escape("welltree." + checked.workloadName))\" name=\"\(escape(checked.lens))\" file=\"\(escape(checked.file))\""
                if findings.isEmpty {
                    out += "/>\n"
                    continue
                }
                let summary = "\(findings.count) \(CheckText.subject(result))\(findings.count == 1 ? "" : "s")"
                out += ">\n      <failure type=\"\(findings.contains { $0.risk == .high } ? SARIFLog.highRule : SARIFLog.mediumRule)\" message=\"\(escape(summary))\">"
                out += escape(findings.map { "\($0.file):\($0.line): \(CheckText.message($0))" }.joined(separator: "\n"))
                out += "</failure>\n    </testcase>\n"
            }
            out += "  </testsuite>\n"
        }
        if !result.integrity.isEmpty {
            // One test case per integrity finding: those that fail the gate fail; a lens-rules
            // change passes with its notice as output.
            out += "  <testsuite name=\"lens integrity\" tests=\"\(result.integrity.count)\" failures=\"\(integrityFailures)\" errors=\"0\">\n"
            for finding in result.integrity {
                out += "    <testcase classname=\"welltree.lens-integrity\" name=\"\(escape(finding.kind.rawValue + " " + finding.file))\" file=\"\(escape(finding.file))\">\n"
                if finding.fails {
                    out += "      <failure type=\"\(escape(finding.kind.ruleId))\" message=\"\(escape(finding.kind.title))\">\(escape(CheckText.message(finding)))</failure>\n"
                } else {
                    out += "      <system-out>\(escape(CheckText.message(finding)))</system-out>\n"
                }
                out += "    </testcase>\n"
            }
            out += "  </testsuite>\n"
        }
        if !result.evidence.isEmpty {
            // One test case per evidence finding, at the evidence's path: those of a kind the
            // gate fails on fail; the others pass with their notice as output.
            let failures = result.failingEvidence.count
            out += "  <testsuite name=\"evidence\" tests=\"\(result.evidence.count)\" failures=\"\(failures)\" errors=\"0\">\n"
            for finding in result.evidence {
                out += "    <testcase classname=\"\(escape("welltree." + finding.workloadName))\" name=\"\(escape(finding.kind.rawValue + " " + finding.questionId + " " + finding.file))\" file=\"\(escape(finding.file))\">\n"
                if finding.fails {
                    out += "      <failure type=\"\(escape(finding.kind.ruleId))\" message=\"\(escape(finding.kind.title))\">\(escape(CheckText.message(finding)))</failure>\n"
                } else {
                    out += "      <system-out>\(escape(CheckText.message(finding)))</system-out>\n"
                }
                out += "    </testcase>\n"
            }
            out += "  </testsuite>\n"
        }
        out += "</testsuites>\n"
        return out
    }

    /// Escapes text for XML attributes and content. Characters XML 1.0 cannot carry and the
    /// other unsafe characters (`UnsafeCharacter`) are shown as `\u{XXXX}`.
    package static func escape(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&apos;"
            case "\n": out += "&#10;"
            case "\t", "\r": out += "&#\(scalar.value);"
            default:
                if scalar.value == 0xFFFE || scalar.value == 0xFFFF || UnsafeCharacter.isUnsafe(scalar) {
                    out += UnsafeCharacter.visible(scalar)
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out
    }
}
