import Foundation
import OCOPApp
import OCOPDomain
import OCOPModels

/// The demo's narration, as text.
enum DemoRender {
    static func event(_ event: DemoEvent, _ language: Language) -> String {
        let vi = language == .vi
        switch event {
        case let .step(number, title): return "\n== \(number). \(title(language)) =="
        case let .say(text): return text(language)
        case let .command(line): return "$ " + line
        case let .register(summary, producers, recognitions, products):
            var lines = [vi ? "  \(producers) chủ thể, \(products) sản phẩm, \(recognitions) lượt công nhận."
                            : "  \(producers) producers, \(products) products, \(recognitions) recognitions."]
            lines += summary.byYearAndStars.map { "  \($0.year): \($0.stars)★ × \($0.count)" }
            let total = summary.byYearAndStars.reduce(0) { $0 + $1.count }
            let owners = summary.producersByKind.reduce(0) { $0 + $1.count }
            let shares = summary.producersByKind.map { k in
                let tenths = (k.count * 1000 + owners / 2) / max(owners, 1)
                return "\(k.kind.label(language)) \(k.count) (\(tenths / 10)\(vi ? "," : ".")\(tenths % 10) %)"
            }.joined(separator: "; ")
            lines.append(vi ? "  Cuối năm 2020: \(total) sản phẩm đạt 3★ trở lên của \(owners) chủ thể — \(shares)."
                            : "  End of 2020: \(total) products at 3★ or more from \(owners) producers — \(shares).")
            return lines.joined(separator: "\n")
        case let .flags(dossier, flags):
            return "\(dossier): " + flags.map { $0.text(language) }.joined(separator: "; ")
        case let .finalized(report):
            return CouncilRender.finalization(report, language)
        case let .minutes(snapshot):
            return MinutesRender.render(snapshot, language: language, markdown: true)
        case let .status(view):
            return DossierRender.status(view, language)
        }
    }
}
