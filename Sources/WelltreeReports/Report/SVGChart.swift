import WelltreeCore

/// Charts drawn as inline SVG, so an HTML report needs no script and no network, prints
/// sharply, and stays one file. Coordinates are whole numbers: the same data gives the same bytes.
package enum SVGChart {
    /// One bar: a label and the counts it stacks.
    package struct Bar: Sendable, Equatable {
        package var label: String
        package var counts: RiskCounts

        package init(label: String, counts: RiskCounts) {
            self.label = label
            self.counts = counts
        }
    }

    /// The order and colours of stacked segments: worst first.
    static let segments: [(Risk, String, String)] = [
        (.high, "#d13212", "High"), (.medium, "#f89256", "Medium"), (.none, "#1d8102", "No risk"),
        (.notApplicable, "#879596", "Not applicable"), (.unanswered, "#d5dbdb", "Unanswered"),
    ]

    /// Horizontal stacked bars, one per pillar (or workload): each question counted in its risk.
    package static func riskBars(_ bars: [Bar], title: String) -> String {
        let labelWidth = 210, barWidth = 360, rowHeight = 26, top = 8
        let width = labelWidth + barWidth + 110
        let height = top + bars.count * rowHeight + 34
        let scale = max(bars.map(\.counts.total).max() ?? 0, 1)
        var svg = open(width: width, height: height, title: title)
        for (index, bar) in bars.enumerated() {
            let y = top + index * rowHeight
            svg += "<text x=\"\(labelWidth - 8)\" y=\"\(y + 16)\" text-anchor=\"end\" class=\"label\">\(HTMLText.escape(truncated(bar.label, 30)))<title>\(HTMLText.escape(bar.label))</title></text>\n"
            var x = labelWidth
            for (risk, colour, name) in segments {
                let count = bar.counts[risk]
                guard count > 0 else { continue }
                let w = max(1, count * barWidth / scale)
                svg += "<rect x=\"\(x)\" y=\"\(y + 4)\" width=\"\(w)\" height=\"\(rowHeight - 8)\" fill=\"\(colour)\" class=\"risk-\(HTMLText.riskClass(risk))\"><title>\(HTMLText.escape(bar.label)): \(count) \(name)</title></rect>\n"
                x += w
            }
            svg += "<text x=\"\(x + 6)\" y=\"\(y + 16)\" class=\"value\">\(bar.counts[.high]) H · \(bar.counts[.medium]) M</text>\n"
        }
        svg += legend(y: top + bars.count * rowHeight + 14, items: segments.map { ($0.1, $0.2) })
        return svg + "</svg>\n"
    }

    /// HRIs and MRIs across milestones: two lines over evenly spaced points, oldest on the left.
    /// A single point (no milestones yet) is drawn as two dots.
    package static func trend(_ points: [TrendPoint], title: String) -> String {
        let left = 60, right = 60, top = 14, plotHeight = 150, plotWidth = 520
        let width = left + plotWidth + right
        let height = top + plotHeight + 64
        let maxValue = max(points.flatMap { [$0.high, $0.medium] }.max() ?? 0, 1)
        let step = niceStep(maxValue)
        let yMax = ((maxValue + step - 1) / step) * step
        func x(_ index: Int) -> Int { points.count == 1 ? left + plotWidth / 2 : left + index * plotWidth / (points.count - 1) }
        func y(_ value: Int) -> Int { top + plotHeight - value * plotHeight / yMax }

        var svg = open(width: width, height: height, title: title)
        for tick in stride(from: 0, through: yMax, by: step) {
            svg += "<line x1=\"\(left)\" y1=\"\(y(tick))\" x2=\"\(left + plotWidth)\" y2=\"\(y(tick))\" stroke=\"#e9ebed\"/>\n"
            svg += "<text x=\"\(left - 6)\" y=\"\(y(tick) + 4)\" text-anchor=\"end\" class=\"axis\">\(tick)</text>\n"
        }
        for (index, point) in points.enumerated() {
            svg += "<text x=\"\(x(index))\" y=\"\(top + plotHeight + 18)\" text-anchor=\"middle\" class=\"axis\">\(HTMLText.escape(truncated(point.label, 16)))<title>\(HTMLText.escape(point.label))</title></text>\n"
        }
        for (name, colour, value) in [("High risks", "#d13212", \TrendPoint.high), ("Medium risks", "#f89256", \TrendPoint.medium)] {
            if points.count > 1 {
                let coordinates = points.enumerated().map { "\(x($0.offset)),\(y($0.element[keyPath: value]))" }.joined(separator: " ")
                svg += "<polyline points=\"\(coordinates)\" fill=\"none\" stroke=\"\(colour)\" stroke-width=\"2.5\" class=\"series\"/>\n"
            }
            for (index, point) in points.enumerated() {
                svg += "<circle cx=\"\(x(index))\" cy=\"\(y(point[keyPath: value]))\" r=\"4\" fill=\"\(colour)\"><title>\(HTMLText.escape(point.label)): \(point[keyPath: value]) \(name.lowercased())</title></circle>\n"
            }
        }
        svg += legend(y: top + plotHeight + 44, items: [("#d13212", "High risks"), ("#f89256", "Medium risks")])
        return svg + "</svg>\n"
    }

    /// A tick spacing giving at most about five grid lines (shared with the PDF charts).
    package static func niceStep(_ maxValue: Int) -> Int {
        for step in [1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000] where maxValue / step <= 5 { return step }
        return max(1, maxValue / 5)
    }

    static func open(width: Int, height: Int, title: String) -> String {
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(width) \(height)\" width=\"\(width)\" height=\"\(height)\" role=\"img\" aria-label=\"\(HTMLText.escape(title))\" font-family=\"system-ui, sans-serif\" font-size=\"12\">\n<title>\(HTMLText.escape(title))</title>\n"
    }

    static func legend(y: Int, items: [(String, String)]) -> String {
        var svg = ""
        var x = 10
        for (colour, name) in items {
            svg += "<rect x=\"\(x)\" y=\"\(y - 9)\" width=\"10\" height=\"10\" fill=\"\(colour)\"/><text x=\"\(x + 14)\" y=\"\(y)\" class=\"legend\">\(HTMLText.escape(name))</text>\n"
            x += 24 + name.count * 7
        }
        return svg
    }

    /// Shortens a label to `limit` characters with an ellipsis; the full text goes in a `<title>`.
    static func truncated(_ text: String, _ limit: Int) -> String {
        text.count <= limit ? text : String(text.prefix(limit - 1)) + "\u{2026}"
    }
}
