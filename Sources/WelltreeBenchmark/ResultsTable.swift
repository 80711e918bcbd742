import Foundation

/// The benchmark's printed report: a Markdown table per size with the ratios, then the targets
/// judged at the largest size.
package enum ResultsTable {
    package static func render(_ results: [SizeResult], machine: String, date: String) -> String {
        var text = "Date: \(date)  \nMachine: \(machine)\n\n"
        text += "| | " + results.map { "N = \(grouped($0.workloads))" }.joined(separator: " | ") + " |\n"
        text += "|---|" + results.map { _ in "---:|" }.joined() + "\n"
        func row(_ label: String, _ cell: (SizeResult) -> String) {
            text += "| \(label) | " + results.map(cell).joined(separator: " | ") + " |\n"
        }
        row("answer files") { grouped($0.answerFiles) }
        row("pack size") { String(format: "%.0f MB", Double($0.packBytes) / 1e6) }
        row("`welltree dashboard`, cold (fresh clone)") { time($0.coldDashboard) }
        row("`welltree dashboard`, warm (second run)") { time($0.warmDashboard) }
        row("`welltree check --base HEAD~1` (one workload changed)") { $0.check.map(time) ?? "n/a" }
        row("the same check as the first command in a fresh clone") { $0.coldCheck.map(time) ?? "n/a" }
        row("`welltree check` of a code-only change (one file outside the answers)") { $0.codeCheck.map(time) ?? "n/a" }
        row("the same code-only check as the first command in a fresh clone") { $0.coldCodeCheck.map(time) ?? "n/a" }
        row("`welltree status W`") { time($0.status) }
        if results.contains(where: { $0.archiveCheck != nil }) {
            row("release archive: SHA-256 checked and unpacked") { $0.archiveInstall.map(time) ?? "n/a" }
            row("from the unpacked archive to the gate's verdict (check, fresh clone)") { $0.archiveCheck.map(time) ?? "n/a" }
        }
        row("peak memory, cold dashboard, all processes (sum of PSS)") { megabytes($0.coldPeakTreeBytes) }
        row("peak RSS, cold dashboard, largest process") { megabytes($0.coldPeakBytes) }
        row("floor: `git cat-file --batch-all-objects --batch`") { time($0.catFile) }
        row("floor: `git diff --name-only HEAD~1 HEAD`") { time($0.diff) }
        row("peer: Python `json.loads` over a checkout") { time($0.python) }
        row("cold dashboard / cat-file") { ratio($0.coldDashboard, $0.catFile) }
        row("Python peer / cold dashboard") { ratio($0.python, $0.coldDashboard) }
        row("check / git diff") { r in r.check.map { ratio($0, r.diff) } ?? "n/a" }
        row("code-only check, fresh clone / git diff") { r in r.coldCodeCheck.map { ratio($0, r.diff) } ?? "n/a" }
        row("totals agree with the peer") { $0.totalsAgree ? "yes" : "**NO**" }
        if let small = results.first, let large = results.last {
            text += "\nTotals at N = \(grouped(large.workloads)): \(large.totals)\n"
            text += "\nTargets at N = \(grouped(large.workloads)):\n\n"
            func target(_ name: String, _ holds: Bool?, _ detail: String) {
                let verdict = holds.map { $0 ? "holds" : "**misses**" } ?? "not measured"
                text += "- \(name): \(verdict) (\(detail))\n"
            }
            target(
                "cold dashboard <= 2x git cat-file", large.coldDashboard <= 2 * large.catFile,
                ratio(large.coldDashboard, large.catFile))
            target(
                "cold dashboard >= 3x faster than Python", large.python >= 3 * large.coldDashboard,
                ratio(large.python, large.coldDashboard) + " faster")
            target("warm dashboard <= 150 ms", large.warmDashboard <= 0.150, time(large.warmDashboard))
            target(
                "check <= 10x git diff", large.check.map { $0 <= 10 * large.diff },
                large.check.map { ratio($0, large.diff) } ?? "n/a")
            target(
                "check no slower at N = \(grouped(large.workloads)) than at N = \(grouped(small.workloads)) (within 10%, the runs' noise)",
                large.check.flatMap { l in small.check.map { s in l <= s * 1.1 } },
                large.check.flatMap { l in small.check.map { s in "\(time(s)) -> \(time(l))" } } ?? "n/a")
            target(
                "check of a code-only change, first command in a fresh clone, <= 10x git diff (as cheap as one tree comparison)",
                large.coldCodeCheck.map { $0 <= 10 * large.diff }, large.coldCodeCheck.map { ratio($0, large.diff) } ?? "n/a")
            if let check = large.archiveCheck {
                target(
                    "from the unpacked archive to the gate's verdict < 1 s", check < 1,
                    time(check) + (large.archiveInstall.map { "; checking and unpacking the archive before it " + time($0) } ?? ""))
            }
            target(
                "peak memory <= 150 MB (all processes together)", large.coldPeakTreeBytes <= 150 * 1_048_576,
                megabytes(large.coldPeakTreeBytes) + "; largest process " + megabytes(large.coldPeakBytes))
        }
        return text
    }

    private static func time(_ seconds: Double) -> String {
        seconds >= 1 ? String(format: "%.2f s", seconds) : String(format: "%.0f ms", seconds * 1000)
    }

    private static func megabytes(_ bytes: Int) -> String {
        String(format: "%.0f MB", Double(bytes) / 1_048_576)
    }

    private static func ratio(_ a: Double, _ b: Double) -> String {
        String(format: "%.2fx", a / b)
    }

    private static func grouped(_ n: Int) -> String {
        var digits = String(n)
        var out = ""
        while digits.count > 3 {
            out = "," + digits.suffix(3) + out
            digits = String(digits.dropLast(3))
        }
        return digits + out
    }
}
