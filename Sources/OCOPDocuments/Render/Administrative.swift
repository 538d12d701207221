import OCOPDomain
import OCOPModels

/// The parts every NĐ 30 document shares: header, title, body paragraphs, signature block, annex heading.
struct Administrative {
    let words: Wording
    let layout: PageLayout

    init(_ language: Language, _ layout: PageLayout) {
        words = Wording(language)
        self.layout = layout
    }

    // MARK: Styles (NĐ 30 Phụ lục I, the decree's sample sizes)

    var body: TextStyle {
        TextStyle(size: layout.bodySize, alignment: .justify, firstLineIndent: mm(layout.firstLineIndent),
                  lineSpacing: layout.lineSpacing)
    }
    var basis: TextStyle { body.with { $0.italic = true } }
    var centeredBold: TextStyle { TextStyle(size: 14, bold: true, alignment: .center) }

    func portrait() -> PageSetup { PageSetup(landscape: false, margins: layout.margins) }
    /// A landscape page keeps the portrait page's binding margin on the left.
    func landscape() -> PageSetup { PageSetup(landscape: true, margins: layout.margins) }

    func validate() throws {
        let setup = portrait()
        guard setup.textWidth >= mm(120), setup.bodyHeight >= mm(180), [layout.margins.top, layout.margins.bottom, layout.margins.left, layout.margins.right].allSatisfy({ $0 >= 0 }),
              (8...20).contains(layout.bodySize), (1...2).contains(layout.lineSpacing)
        else {
            throw DocumentError.invalidLayout(LocalizedText(
                vi: "Lề trang, cỡ chữ hoặc giãn dòng không hợp lệ (lề trái \(layout.margins.left) mm, phải \(layout.margins.right) mm, trên \(layout.margins.top) mm, dưới \(layout.margins.bottom) mm, cỡ chữ \(layout.bodySize)); NĐ 30/2020 quy định lề trên, dưới 20–25 mm, trái 30–35 mm, phải 15–20 mm, cỡ chữ 13–14.",
                en: "Invalid margins, text size or line spacing (left \(layout.margins.left) mm, right \(layout.margins.right) mm, top \(layout.margins.top) mm, bottom \(layout.margins.bottom) mm, size \(layout.bodySize)); Decree 30/2020 sets top and bottom 20–25 mm, left 30–35 mm, right 15–20 mm, text 13–14 pt."))
        }
    }

    // MARK: Header (ô 1–4)

    /// Agency and number on the left, Quốc hiệu and Tiêu ngữ on the right; the place and date
    /// on the number's line (Mẫu 1.9, minutes, prints none).
    /// The left column takes 40 % of the text width, more when the agency's lines (broken where
    /// the model breaks them) need it, as long as the Quốc hiệu keeps one line on the right.
    func header(_ h: AdministrativeHeader, dateLine: Bool = true, type: Typesetter) throws -> [Block] {
        let parentStyle = TextStyle(size: 12, alignment: .center), agencyStyle = TextStyle(size: 12, bold: true, alignment: .center)
        let nationStyle = TextStyle(size: 12, bold: true, alignment: .center)
        var widest = 0.0
        for line in (h.parentAgency ?? "").split(separator: "\n") { widest = max(widest, try type.width(String(line), parentStyle)) }
        for line in h.agency.split(separator: "\n") { widest = max(widest, try type.width(String(line), agencyStyle)) }
        let text = portrait().textWidth
        let rightNeeded = try type.width(words.nation, nationStyle) + mm(3)
        let leftWidth = min(max(0.4 * text, widest + mm(3)), text - rightNeeded)
        let split = leftWidth / text

        var left: [Block] = []
        if let parent = h.parentAgency {
            left.append(.paragraph(Paragraph(parent, parentStyle)))
        }
        left.append(.paragraph(Paragraph(h.agency, agencyStyle, rule: Rule(length: .fractionOfText(0.4), gap: 2))))
        let right: [Block] = [
            .paragraph(Paragraph(words.nation, nationStyle)),
            .paragraph(Paragraph(words.motto, TextStyle(size: 13, bold: true, alignment: .center),
                                 rule: Rule(length: .fractionOfText(1), gap: 2))),
        ]
        let number: Block = .paragraph(Paragraph(words.number(h.number), TextStyle(size: 13, alignment: .center)))
        let date: [Block] = dateLine
            ? [.paragraph(Paragraph(words.placeDate(h.place, h.date), TextStyle(size: 13, italic: true, alignment: .center)))]
            : []
        return [
            .columns([Column(width: split, blocks: left), Column(width: 1 - split, blocks: right)]),
            .space(7),
            .columns([Column(width: split, blocks: [number]), Column(width: 1 - split, blocks: date)]),
        ]
    }

    /// "QUYẾT ĐỊNH" and its trích yếu with the short rule, then the authority line.
    func title(_ kind: String, subject: String, authority: String?) -> [Block] {
        var blocks: [Block] = [
            .paragraph(Paragraph(kind, centeredBold, spaceBefore: 20)),
            .paragraph(Paragraph(subject, centeredBold, leftIndent: mm(8), rightIndent: mm(8),
                                 rule: Rule(length: .fractionOfText(0.35), gap: 3), balanced: true)),
        ]
        if let authority {
            blocks.append(.paragraph(Paragraph(authority, centeredBold, spaceBefore: 14, spaceAfter: 8)))
        } else {
            blocks.append(.space(12))
        }
        return blocks
    }

    /// Căn cứ lines, italic, each ending ";" and the last "." (a proposal line, when present, is last).
    func bases(_ bases: [String], proposal: Proposal?) -> [Block] {
        var lines = bases.enumerated().map { i, text in words.basis(text, last: proposal == nil && i == bases.count - 1) }
        if let proposal { lines.append(words.proposal(proposal)) }
        return lines.map { .paragraph(Paragraph($0, basis, spaceAfter: layout.paragraphSpacing)) }
    }

    func decides() -> Block {
        .paragraph(Paragraph(words.decides, centeredBold, spaceBefore: 4, spaceAfter: 8, keepWithNext: true))
    }

    /// "Điều k. text" (bold number), then its khoản.
    /// `keepWithNext`: the last article stays with the signature block.
    func article(_ k: Int, _ text: String, items: [String] = [], keepWithNext: Bool = false) -> [Block] {
        var blocks: [Block] = [.paragraph(Paragraph([Run(words.article(k) + " ", bold: true), Run(text)], body,
                                                    spaceAfter: layout.paragraphSpacing, keepWithNext: keepWithNext && items.isEmpty))]
        for (i, item) in items.enumerated() {
            blocks.append(.paragraph(Paragraph(item, body, spaceAfter: layout.paragraphSpacing,
                                               keepWithNext: keepWithNext && i == items.count - 1)))
        }
        return blocks
    }

    func paragraph(_ text: String) -> Block { .paragraph(Paragraph(text, body, spaceAfter: layout.paragraphSpacing)) }

    // MARK: Signature (ô 7–9)

    /// Nơi nhận on the left, level with the signer's title on the right; kept on one page.
    func signature(_ signer: Signer, artwork: IssuerArtwork, recipients: Recipients?, firstRecipient: String? = nil) -> Block {
        var left: [Block] = []
        if let recipients {
            left.append(.paragraph(Paragraph(words.recipients, TextStyle(size: 12, bold: true, italic: true))))
            let lines = (firstRecipient.map { [$0] } ?? []) + recipients.lines
            for line in lines { left.append(.paragraph(Paragraph("- \(words.sentence(line));", TextStyle(size: 11, firstLineIndent: -6)))) }
            left.append(.paragraph(Paragraph("- " + words.archive(recipients.archive), TextStyle(size: 11, firstLineIndent: -6))))
        }
        return .keepTogether([
            .space(10),
            .columns([Column(width: 0.45, blocks: left), Column(width: 0.55, blocks: signerBlock(signer, artwork: artwork))]),
        ])
    }

    func signerBlock(_ signer: Signer, artwork: IssuerArtwork, gap: Double = mm(24)) -> [Block] {
        var blocks: [Block] = []
        if let authority = signer.authority { blocks.append(.paragraph(Paragraph(authority, centeredBold))) }
        blocks.append(.paragraph(Paragraph(signer.title, centeredBold)))
        blocks.append(.drawing(Drawing(height: gap) { canvas, x, y, width in
            try Self.drawSignature(canvas, artwork: artwork, centerX: x + width / 2, centerY: y + gap / 2, maxWidth: width)
        }))
        blocks.append(.paragraph(Paragraph(signer.name, centeredBold)))
        return blocks
    }

    /// The signature image centred, the seal at its real size over the left third of it (NĐ 30 II.8).
    static func drawSignature(_ canvas: Canvas, artwork: IssuerArtwork, centerX: Double, centerY: Double, maxWidth: Double) throws {
        var signatureLeft = centerX - mm(20), signatureWidth = mm(40)
        if let signature = artwork.signature {
            let width = min(mm(45), maxWidth * 0.7), height = mm(20)
            let used = try canvas.drawImage(signature, x: centerX - width / 2, y: centerY - height / 2, width: width, height: height)
            signatureLeft = used.x
            signatureWidth = used.width
        }
        if let seal = artwork.seal {
            let d = mm(artwork.sealDiameter)
            try canvas.drawImage(seal, x: signatureLeft + signatureWidth / 3 - d, y: centerY - d / 2, width: d, height: d)
        }
    }

    // MARK: Annexes (Mẫu 2.1)

    func annexHeading(numeral: String?, title: String, reference: String) -> [Block] {
        [
            .paragraph(Paragraph(words.annex(numeral), centeredBold, keepWithNext: true)),
            .paragraph(Paragraph(title, centeredBold, spaceBefore: 2, keepWithNext: true, balanced: true)),
            .paragraph(Paragraph(reference, TextStyle(size: 14, italic: true, alignment: .center), spaceBefore: 2,
                                 rule: Rule(length: .fixed(mm(30)), gap: 4, after: 12), keepWithNext: true, balanced: true)),
        ]
    }
}
