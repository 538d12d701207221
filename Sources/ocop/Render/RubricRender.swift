import OCOPDomain

/// Text renderings of a sheet: the council member's view and a blank paper sheet.
enum RubricRender {
    static func stars(_ n: Int?) -> String { n.map { " " + String(repeating: "*", count: $0) } ?? "" }

    static func show(_ set: ProductSet, language: Language) -> String {
        let vi = language == .vi
        // The sheet's own words (titles, options, clauses) are the decree's, in Vietnamese; the
        // labels around them are the reader's.
        var out: [String] = [(vi ? "Bộ" : "Set") + " \(set.number). \(set.title) (\(set.version))",
                             (vi ? "Sản phẩm: " : "Product: ") + set.category + (set.group.map { (vi ? ". Nhóm: " : ". Group: ") + $0 } ?? "")]
        if let d = set.disqualification { out.append(vi ? "\(d.lead): \(d.clause)" : "Knock-out of the dossier («\(d.lead)»): \(d.clause)") }
        for part in set.parts {
            out.append("")
            out.append((vi ? "Phần" : "Part") + " \(part.code.rawValue): \(part.title) — \(vi ? "tối đa" : "max") \(part.max)")
            if let note = part.sourceNote { out.append("  ⚠ \(note)") }
            for group in part.groups { render(group, depth: 1, into: &out, vi: vi) }
        }
        out.append("")
        out.append(vi ? "Dấu sao là yêu cầu tối thiểu phải đạt theo các cấp độ sao (*** - 3 sao; **** - 4 sao; ***** - 5 sao)."
                   : "Stars mark the minimum option for 3★ (***), 4★ (****) and 5★ (*****). 0 = none of the options applies.")
        return out.joined(separator: "\n")
    }

    private static func render(_ c: Criterion, depth: Int, into out: inout [String], vi: Bool) {
        let pad = String(repeating: "  ", count: depth)
        out.append("\(pad)\(c.code) \(c.title) — \(vi ? "tối đa" : "max") \(c.max)")
        if let note = c.sourceNote { out.append("\(pad)  ⚠ \(note)") }
        for note in c.notes { out.append("\(pad)  (\(note))") }
        if let cond = c.condition { out.append("\(pad)  [\(cond.text)]") }
        if let k = c.knockOut { out.append("\(pad)  ⛔ \(k.text)") }
        for option in c.options {
            let variant = option.variant.map { v in " [\(vi ? "TH" : "case ")\(v): \(c.variants.first { $0.number == v }?.label ?? "")]" } ?? ""
            let warn = option.sourceNote.map { " ⚠ \($0)" } ?? ""
            out.append("\(pad)  □ \(option.text) → \(option.points)\(stars(option.minStars))\(variant)\(warn)")
        }
        for child in c.children { render(child, depth: depth + 1, into: &out, vi: vi) }
    }

    /// The paper sheet as text, with the printed sheet's labels (documents.md §4.1) in the
    /// reader's language; the criteria and options are the decree's words.
    static func blankSheet(_ set: ProductSet, language: Language) -> String {
        let vi = language == .vi
        var out: [String] = vi ? [
            "PHIẾU ĐÁNH GIÁ SẢN PHẨM OCOP — Bộ \(set.number). \(set.title)",
            "(QĐ 26/2026/QĐ-TTg, Phụ lục II)",
            "Tên sản phẩm: ______________________________   Mã số sản phẩm: ____-____-____-20__",
            "Tên chủ thể: _______________________________   Điện thoại: ______________",
            "Địa chỉ: ___________________________________",
        ] : [
            "OCOP PRODUCT SCORING SHEET — Set \(set.number). \(set.title)",
            "(Decision 26/2026/QĐ-TTg, Annex II)",
            "Product name: ______________________________   Product code: ____-____-____-20__",
            "Producer: __________________________________   Telephone: ______________",
            "Address: ___________________________________",
        ]
        if let d = set.disqualification { out.append(vi ? "\(d.lead): \(d.clause)" : "Knock-out of the dossier («\(d.lead)»): \(d.clause)") }
        for part in set.parts {
            out.append("")
            out.append(vi ? "PHẦN \(part.code.rawValue): \(part.title.uppercased()) — tối đa \(part.max) điểm        Điểm: ____"
                          : "PART \(part.code.rawValue): \(part.title.uppercased()) — max \(part.max) points        Score: ____")
            for group in part.groups { blank(group, depth: 1, into: &out, vi: vi) }
        }
        out += vi ? ["", "TỔNG ĐIỂM: ______ / 100",
                     "Ghi chú: Dấu sao là yêu cầu tối thiểu phải đạt theo các cấp độ sao (*** - 3 sao; **** - 4 sao; ***** - 5 sao)",
                     "", "Ý kiến của người đánh giá: ____________________________________________",
                     "…………, ngày …… tháng …… năm ……", "Người đánh giá (Ký và ghi rõ họ tên)"]
                  : ["", "TOTAL: ______ / 100",
                     "Note: asterisks mark the minimum that must be met for each star level (*** - 3 stars; **** - 4 stars; ***** - 5 stars)",
                     "", "Evaluator's comments: _________________________________________________",
                     "…………, date …………", "Evaluator (signature and full name)"]
        return out.joined(separator: "\n")
    }

    private static func blank(_ c: Criterion, depth: Int, into out: inout [String], vi: Bool) {
        let pad = String(repeating: "  ", count: depth)
        let score = c.isScorable ? (vi ? "   Điểm: ____" : "   Score: ____") : ""
        out.append("\(pad)\(c.code) \(c.title) (\(vi ? "tối đa" : "max") \(c.max))\(score)")
        for note in c.notes { out.append("\(pad)  \(note)") }
        if let cond = c.condition { out.append("\(pad)  \(cond.text)") }
        if let k = c.knockOut { out.append("\(pad)  \(k.text)") }
        if let vn = c.variantNote { out.append("\(pad)  \(vn)") }
        var lastVariant: Int? = nil
        for option in c.options {
            if let v = option.variant, v != lastVariant {
                out.append("\(pad)  \(vi ? "Trường hợp" : "Case") \(v): \(c.variants.first { $0.number == v }?.label ?? "")")
                lastVariant = v
            }
            out.append("\(pad)  □ \(option.text) … \(option.points)\(stars(option.minStars))")
        }
        for child in c.children { blank(child, depth: depth + 1, into: &out, vi: vi) }
    }
}
