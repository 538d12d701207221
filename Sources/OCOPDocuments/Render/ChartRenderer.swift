import CCairoPango
import Foundation
import OCOPDomain
import OCOPModels

extension Wording {
    /// "1.234,5" / "1,234.5".
    func number(_ n: ChartNumber) -> String {
        let negative = n.units < 0
        let magnitude = abs(n.units)
        var divisor = 1
        for _ in 0..<max(0, n.decimals) { divisor *= 10 }
        let whole = String(magnitude / divisor)
        var grouped = ""
        for (i, ch) in whole.reversed().enumerated() {
            if i > 0, i % 3 == 0 { grouped.append(vi ? "." : ",") }
            grouped.append(ch)
        }
        var text = (negative ? "-" : "") + String(grouped.reversed())
        if n.decimals > 0 {
            let fraction = String(magnitude % divisor)
            text += (vi ? "," : ".") + String(repeating: "0", count: n.decimals - fraction.count) + fraction
        }
        return text
    }

    var total: String { vi ? "Tổng" : "Total" }
}

/// Plain charts for reports: bars (grouped by category) and shares (pie, donut, 100 % bar).
struct ChartRenderer {
    let chart: ChartDocument
    private var words: Wording { Wording(chart.language) }

    static let palette: [RGBColor] = [
        RGBColor(red: 31, green: 78, blue: 121), RGBColor(red: 197, green: 90, blue: 17), RGBColor(red: 84, green: 130, blue: 53),
        RGBColor(red: 191, green: 144, blue: 0), RGBColor(red: 112, green: 48, blue: 160), RGBColor(red: 46, green: 117, blue: 182),
        RGBColor(red: 120, green: 120, blue: 120), RGBColor(red: 192, green: 0, blue: 0),
    ]
    static let grid = RGBColor(red: 208, green: 208, blue: 208)

    var width: Double { mm(chart.width) }
    var height: Double { mm(chart.height) }

    var metadata: PDFMetadata {
        PDFMetadata(title: chart.title, author: "OCOP", subject: chart.subtitle, date: chart.date ?? CalendarDate(dayNumber: 0))
    }

    func validate() throws {
        func invalid(_ vi: String, _ en: String) -> DocumentError {
            .invalidDocument(LocalizedText(vi: "Biểu đồ «\(chart.title)»: \(vi)", en: "Chart «\(chart.title)»: \(en)"))
        }
        guard (40...400).contains(chart.width), (30...400).contains(chart.height) else {
            throw invalid("kích thước \(chart.width) × \(chart.height) mm không hợp lệ (40–400 × 30–400 mm).",
                          "size \(chart.width) × \(chart.height) mm is out of range (40–400 × 30–400 mm).")
        }
        switch chart.kind {
        case .bar(let bar):
            guard !bar.categories.isEmpty, !bar.series.isEmpty else { throw invalid("không có dữ liệu.", "no data.") }
            for s in bar.series {
                guard s.values.count == bar.categories.count else {
                    throw invalid("dãy «\(s.name)» có \(s.values.count) giá trị cho \(bar.categories.count) nhóm.",
                                  "series «\(s.name)» has \(s.values.count) values for \(bar.categories.count) categories.")
                }
                guard s.values.allSatisfy({ $0.units >= 0 && (0...6).contains($0.decimals) }) else {
                    throw invalid("dãy «\(s.name)» có giá trị âm hoặc quá nhiều chữ số thập phân.", "series «\(s.name)» has a negative value or too many decimals.")
                }
            }
        case .share(let share):
            guard !share.slices.isEmpty, share.slices.allSatisfy({ $0.value.units >= 0 && (0...6).contains($0.value.decimals) }),
                  share.slices.contains(where: { $0.value.units > 0 })
            else { throw invalid("cần ít nhất một phần có giá trị dương, không có giá trị âm.", "needs a positive part and no negative value.") }
        }
    }

    func draw(_ canvas: Canvas) throws {
        let pad = 10.0
        var top = pad
        let title = try canvas.text(chart.title, TextStyle(size: 13, bold: true, alignment: .center), x: pad, y: top, width: width - 2 * pad)
        top += title.height + 2
        if let subtitle = chart.subtitle {
            let box = try canvas.text(subtitle, TextStyle(size: 10, italic: true, alignment: .center), x: pad, y: top, width: width - 2 * pad)
            top += box.height
        }
        top += 8
        let area = (x: pad, y: top, width: width - 2 * pad, height: height - top - pad)
        switch chart.kind {
        case .bar(let bar): try drawBars(bar, canvas, area)
        case .share(let share): try drawShare(share, canvas, area)
        }
        try canvas.checkStatus()
    }

    private static func value(_ n: ChartNumber) -> Double { Double(n.units) / pow(10, Double(n.decimals)) }

    /// A 1-2-2.5-5 step giving about five intervals, and the axis maximum; ticks as exact numbers.
    static func ticks(maximum: Double) -> [ChartNumber] {
        guard maximum > 0 else { return [ChartNumber(0), ChartNumber(1)] }
        let raw = maximum / 5
        let exponent = Int(floor(log10(raw)))
        // Steps as (units, decimals): mantissa × 10^exponent.
        for mantissa in [10, 20, 25, 50, 100] {
            let step = Double(mantissa) / 10 * pow(10, Double(exponent))
            guard step >= raw * 0.999 else { continue }
            let count = Int(ceil(maximum / step - 1e-9))
            // step = m · 10^power with m in 1, 2, 25, 5.
            var m = mantissa, power = exponent - 1
            while m % 10 == 0 { m /= 10; power += 1 }
            var unitStep = m
            for _ in 0..<max(0, power) { unitStep *= 10 }
            return (0...max(count, 1)).map { ChartNumber(units: $0 * unitStep, decimals: max(0, -power)) }
        }
        return [ChartNumber(0), ChartNumber(Int(ceil(maximum)))]
    }

    private func drawBars(_ bar: BarChart, _ canvas: Canvas, _ area: (x: Double, y: Double, width: Double, height: Double)) throws {
        let words = self.words, type = canvas.type
        let maximum = bar.series.flatMap(\.values).map(Self.value).max() ?? 0
        let ticks = Self.ticks(maximum: maximum)
        let axisMax = Self.value(ticks.last!)
        let tickStyle = TextStyle(size: 9, alignment: .right)
        let tickBoxes = try ticks.map { try type.box(words.number($0), tickStyle, width: 60) }
        let tickWidth = try ticks.map { try type.width(words.number($0), tickStyle) }.max() ?? 0
        var left = area.x + tickWidth + 6
        let axisLabel = try bar.valueAxisLabel.map { try type.box($0, TextStyle(size: 10, alignment: .center), width: area.height * 0.8) }
        if let axisLabel { left += axisLabel.height + 4 }

        // Legend (more than one series) and category labels below the plot.
        var bottom = area.y + area.height
        var legendItems: [(TextBox, RGBColor)] = []
        if bar.series.count > 1 {
            legendItems = try bar.series.enumerated().map { i, s in (try type.box(s.name, TextStyle(size: 9), width: 200), Self.palette[i % Self.palette.count]) }
            let legendHeight = (legendItems.map { $0.0.height }.max() ?? 0)
            var x = left
            let y = bottom - legendHeight
            for (box, color) in legendItems {
                canvas.fillRect(x: x, y: y + (legendHeight - 8) / 2, width: 8, height: 8, color: color)
                box.draw(canvas.cr, x: x + 11, y: y)
                x += 11 + box.widestLine + 14
            }
            bottom = y - 6
        }
        let plotWidth = area.x + area.width - left
        let group = plotWidth / Double(bar.categories.count)
        let labelStyle = TextStyle(size: 9, alignment: .center)
        let labels = try bar.categories.map { try type.box($0, labelStyle, width: group - 4) }
        let labelHeight = labels.map(\.height).max() ?? 0
        let plotBottom = bottom - labelHeight - 4
        let valueStyle = TextStyle(size: 8, alignment: .center)
        let plotTop = area.y + (bar.showsValues ? 12 : 4)
        let plotHeight = plotBottom - plotTop
        guard plotHeight > 20, group > 8 else {
            throw DocumentError.invalidDocument(LocalizedText(vi: "Biểu đồ «\(chart.title)» quá nhỏ cho dữ liệu của nó.",
                                                              en: "Chart «\(chart.title)» is too small for its data."))
        }
        func y(_ v: Double) -> Double { plotBottom - v / axisMax * plotHeight }

        for (i, tick) in ticks.enumerated() {
            let ty = y(Self.value(tick))
            if i > 0 { canvas.line(from: (left, ty), to: (left + plotWidth, ty), width: 0.4, color: Self.grid) }
            let box = tickBoxes[i]
            box.draw(canvas.cr, x: left - 6 - 60, y: ty - box.height / 2)
        }
        if let axisLabel {
            cairo_save(canvas.cr)
            cairo_translate(canvas.cr, area.x, plotTop + plotHeight / 2 + axisLabel.width / 2)
            cairo_rotate(canvas.cr, -Double.pi / 2)
            axisLabel.draw(canvas.cr, x: 0, y: 0)
            cairo_restore(canvas.cr)
        }
        let barsWidth = group * 0.72
        let barWidth = barsWidth / Double(bar.series.count)
        for (c, label) in labels.enumerated() {
            let groupX = left + Double(c) * group
            for (s, series) in bar.series.enumerated() {
                let v = Self.value(series.values[c])
                let x = groupX + (group - barsWidth) / 2 + Double(s) * barWidth
                let barTop = y(v)
                canvas.fillRect(x: x + 0.5, y: barTop, width: barWidth - 1, height: plotBottom - barTop, color: Self.palette[s % Self.palette.count])
                if bar.showsValues {
                    let box = try type.box(words.number(series.values[c]), valueStyle, width: max(barWidth, 40))
                    box.draw(canvas.cr, x: x + barWidth / 2 - max(barWidth, 40) / 2, y: barTop - box.height - 1)
                }
            }
            label.draw(canvas.cr, x: groupX + 2, y: plotBottom + 4)
        }
        canvas.line(from: (left, plotBottom), to: (left + plotWidth, plotBottom), width: 0.8)
        canvas.line(from: (left, plotTop - 4), to: (left, plotBottom), width: 0.8)
    }

    private func drawShare(_ share: ShareChart, _ canvas: Canvas, _ area: (x: Double, y: Double, width: Double, height: Double)) throws {
        let words = self.words, type = canvas.type, cr = canvas.cr
        // Exact shares: every value on the finest decimal scale, percentages in tenths rounded half up.
        let scale = share.slices.map(\.value.decimals).max() ?? 0
        let units = share.slices.map { s in s.value.units * Int(pow(10, Double(scale - s.value.decimals))) }
        let total = units.reduce(0, +)
        let tenths = units.map { (2000 * $0 + total) / (2 * total) }
        func percent(_ i: Int) -> String { words.number(ChartNumber(units: tenths[i], decimals: 1)) + " %" }
        func legendText(_ i: Int) -> String {
            share.showsPercentages ? "\(share.slices[i].label): \(words.number(share.slices[i].value)) (\(percent(i)))"
                : "\(share.slices[i].label): \(words.number(share.slices[i].value))"
        }
        let color = { (i: Int) in Self.palette[i % Self.palette.count] }

        if share.style == .bar {
            let barHeight = 30.0
            var x = area.x
            for (i, u) in units.enumerated() {
                let w = area.width * Double(u) / Double(total)
                canvas.fillRect(x: x, y: area.y, width: w, height: barHeight, color: color(i))
                if share.showsPercentages {
                    let box = try type.box(percent(i), TextStyle(size: 9, bold: true, color: RGBColor(red: 255, green: 255, blue: 255), alignment: .center), width: max(w, 1))
                    if box.widestLine + 4 < w { box.draw(cr, x: x, y: area.y + (barHeight - box.height) / 2) }
                }
                x += w
            }
            canvas.strokeRect(x: area.x, y: area.y, width: area.width, height: barHeight, lineWidth: 0.6)
            var y = area.y + barHeight + 10
            for i in units.indices {
                let box = try type.box(legendText(i), TextStyle(size: 10), width: area.width - 14)
                canvas.fillRect(x: area.x, y: y + (box.lines[0].height - 8) / 2, width: 8, height: 8, color: color(i))
                box.draw(cr, x: area.x + 14, y: y)
                y += box.height + 3
            }
            return
        }

        let diameter = min(area.height, area.width * 0.5)
        let radius = diameter / 2
        let cx = area.x + radius, cy = area.y + area.height / 2
        var angle = -Double.pi / 2
        for (i, u) in units.enumerated() where u > 0 {
            let sweep = 2 * Double.pi * Double(u) / Double(total)
            cairo_move_to(cr, cx, cy)
            cairo_arc(cr, cx, cy, radius, angle, angle + sweep)
            cairo_close_path(cr)
            canvas.setColor(color(i))
            cairo_fill_preserve(cr)
            canvas.setColor(RGBColor(red: 255, green: 255, blue: 255))
            cairo_set_line_width(cr, 1)
            cairo_stroke(cr)
            angle += sweep
        }
        if share.style == .donut {
            let inner = radius * 0.55
            cairo_arc(cr, cx, cy, inner, 0, 2 * Double.pi)
            canvas.setColor(RGBColor(red: 255, green: 255, blue: 255))
            cairo_fill(cr)
            let sum = ChartNumber(units: total, decimals: scale)
            let box = try type.box([Run(words.total + "\n", size: 9), Run(words.number(sum), bold: true)],
                                   TextStyle(size: 12, alignment: .center), width: inner * 2)
            box.draw(cr, x: cx - inner, y: cy - box.height / 2)
        }
        let legendX = area.x + diameter + 16, legendWidth = area.x + area.width - legendX
        let boxes = try units.indices.map { try type.box(legendText($0), TextStyle(size: 10), width: legendWidth - 14) }
        let legendHeight = boxes.reduce(0) { $0 + $1.height + 4 } - 4
        var y = cy - legendHeight / 2
        for (i, box) in boxes.enumerated() {
            canvas.fillRect(x: legendX, y: y + (box.lines[0].height - 8) / 2, width: 8, height: 8, color: color(i))
            box.draw(cr, x: legendX + 14, y: y)
            y += box.height + 4
        }
    }
}
