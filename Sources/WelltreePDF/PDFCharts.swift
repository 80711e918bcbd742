import WelltreeCore
import WelltreeReports

/// The report's charts drawn with cairo as vectors: the same two charts as the HTML report.
enum PDFCharts {
    typealias Style = PDFCanvas.Style
    typealias Colour = PDFCanvas.Colour

    static let segments: [(Risk, Colour, String)] = [
        (.high, .high, "High"), (.medium, .medium, "Medium"), (.none, .none, "No risk"),
        (.notApplicable, .notApplicable, "Not applicable"), (.unanswered, .unanswered, "Unanswered"),
    ]

    /// The chart's title, on the same page as the chart.
    static func title(_ text: String, chartHeight: Double, on canvas: PDFCanvas) {
        canvas.ensureSpace(chartHeight + 20)
        canvas.paragraph(text, style: Style(size: 10, bold: true), after: 2)
    }

    /// Horizontal stacked bars, one per pillar, under `title`.
    static func riskBars(_ bars: [(String, RiskCounts)], title: String, on canvas: PDFCanvas) {
        let rowHeight = 18.0, labelWidth = 170.0, barWidth = 250.0
        self.title(title, chartHeight: Double(bars.count) * rowHeight + 30, on: canvas)
        let top = canvas.y
        let scale = Double(max(bars.map(\.1.total).max() ?? 0, 1))
        for (index, (name, counts)) in bars.enumerated() {
            let y = top + Double(index) * rowHeight
            canvas.label(name, x: canvas.margin, y: y + 2, style: Style(size: 8.5), width: labelWidth - 8)
            var x = canvas.margin + labelWidth
            for (risk, colour, _) in segments where counts[risk] > 0 {
                let width = max(1, Double(counts[risk]) * barWidth / scale)
                canvas.fill(x: x, y: y + 2, width: width, height: rowHeight - 5, colour: colour)
                x += width
            }
            canvas.label("\(counts[.high]) H \u{00B7} \(counts[.medium]) M", x: x + 5, y: y + 2, style: Style(size: 8, colour: .muted))
        }
        legend(segments.map { ($0.1, $0.2) }, y: top + Double(bars.count) * rowHeight + 4, on: canvas)
        canvas.moveTo(top + Double(bars.count) * rowHeight + 24)
    }

    /// HRIs and MRIs across milestones, oldest on the left, under `title`; one point is drawn as
    /// two dots.
    static func trend(_ points: [TrendPoint], title: String, on canvas: PDFCanvas) {
        let plotHeight = 110.0, plotWidth = 400.0, left = canvas.margin + 30
        self.title(title, chartHeight: plotHeight + 50, on: canvas)
        let top = canvas.y + 6
        let maxValue = max(points.flatMap { [$0.high, $0.medium] }.max() ?? 0, 1)
        let step = SVGChart.niceStep(maxValue)
        let yMax = Double(((maxValue + step - 1) / step) * step)
        func x(_ index: Int) -> Double { points.count == 1 ? left + plotWidth / 2 : left + Double(index) * plotWidth / Double(points.count - 1) }
        func y(_ value: Int) -> Double { top + plotHeight - Double(value) * plotHeight / yMax }
        for tick in stride(from: 0, through: Int(yMax), by: step) {
            canvas.line(from: (left, y(tick)), to: (left + plotWidth, y(tick)), colour: .rule, width: 0.4)
            canvas.label("\(tick)", x: left - 6, y: y(tick) - 5, style: Style(size: 7.5, colour: .muted), align: 1)
        }
        for (index, point) in points.enumerated() {
            canvas.label(point.label, x: x(index), y: top + plotHeight + 4, style: Style(size: 7.5, colour: .muted), align: 0.5)
        }
        for (colour, value) in [(Colour.high, \TrendPoint.high), (Colour.medium, \TrendPoint.medium)] {
            let coordinates = points.enumerated().map { (x($0.offset), y($0.element[keyPath: value])) }
            if coordinates.count > 1 { canvas.polyline(coordinates, colour: colour, width: 2) }
            for point in coordinates { canvas.dot(at: point, radius: 3, colour: colour) }
        }
        legend([(.high, "High risks"), (.medium, "Medium risks")], y: top + plotHeight + 20, on: canvas)
        canvas.moveTo(top + plotHeight + 40)
    }

    static func legend(_ items: [(Colour, String)], y: Double, on canvas: PDFCanvas) {
        var x = canvas.margin
        for (colour, name) in items {
            canvas.fill(x: x, y: y + 2, width: 8, height: 8, colour: colour)
            let size = canvas.label(name, x: x + 11, y: y, style: Style(size: 8, colour: .muted))
            x += size.width + 24
        }
    }
}
