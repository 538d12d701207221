import OCOPDomain
import OCOPModels

/// One certificate page (documents.md §3.2–3.3): Quốc hiệu and issuer at the top, the title in red,
/// the stars drawn as shapes, the product facts, then the QR code and the decision bottom left and
/// the signer bottom right. Vertical gaps stretch so the page is evenly filled.
struct CertificateRenderer {
    let document: CertificateDocument
    private var words: Wording { Wording(document.language) }

    static let starOutline = RGBColor(red: 166, green: 124, blue: 0)

    static func metadata(_ certificates: [CertificateDocument]) -> PDFMetadata {
        let first = certificates[0]
        let words = Wording(first.language)
        let title = certificates.count == 1
            ? words.certificate.capitalizedFirst + " " + first.certificateNumber
            : words.certificate.capitalizedFirst + " " + words.ocopProduct.lowercased() + " (\(certificates.count))"
        return PDFMetadata(title: title, author: first.issuer, subject: nil,
                           date: certificates.map(\.issuedOn).max() ?? first.issuedOn)
    }

    func validate() throws -> QRMatrix {
        let d = document
        guard (3...5).contains(d.stars) else {
            throw DocumentError.invalidDocument(LocalizedText(
                vi: "Giấy chứng nhận \(d.certificateNumber): chỉ cấp cho sản phẩm đạt 3, 4 hoặc 5 sao (đang ghi \(d.stars) sao).",
                en: "Certificate \(d.certificateNumber): only 3-, 4- or 5-star products are certified (it says \(d.stars) stars)."))
        }
        guard d.qrSide >= 30 else { throw DocumentError.qrTooSmall(millimetres: d.qrSide) }
        guard d.qrSide <= 60 else {
            throw DocumentError.invalidDocument(LocalizedText(
                vi: "Cạnh mã QR \(d.qrSide) mm quá lớn cho trang giấy chứng nhận (tối đa 60 mm).",
                en: "The QR side of \(d.qrSide) mm is too large for the certificate page (at most 60 mm)."))
        }
        return try QRMatrix(encoding: d.qrPayload)
    }

    private struct Item {
        var height: Double
        var gap: Double
        var stretch: Double
        var draw: (Double) throws -> Void
    }

    func draw(_ canvas: Canvas) throws {
        let qr = try validate()
        let d = document, words = self.words, type = canvas.type
        let width = PageSetup.a4Width, height = PageSetup.a4Height
        let left = mm(22), contentWidth = width - 2 * left
        if d.frame.isDrawn {
            canvas.strokeRect(x: mm(10), y: mm(10), width: width - mm(20), height: height - mm(20), lineWidth: 2.4, color: d.frame.color)
            canvas.strokeRect(x: mm(12.5), y: mm(12.5), width: width - mm(25), height: height - mm(25), lineWidth: 0.8, color: d.frame.color)
        }

        func centered(_ runs: [Run], _ style: TextStyle, gap: Double, stretch: Double = 0, rule: Bool = false, indent: Double = 0) throws -> Item {
            let box = try type.box(runs, style.with { $0.alignment = .center }, width: contentWidth - 2 * indent)
            let ruleHeight = rule ? 3.0 : 0
            return Item(height: box.height + ruleHeight, gap: gap, stretch: stretch) { y in
                box.draw(canvas.cr, x: left + indent, y: y)
                if rule {
                    let w = box.widestLine, x = left + (contentWidth - w) / 2
                    canvas.line(from: (x, y + box.height + 2), to: (x + w, y + box.height + 2), width: 0.7)
                }
            }
        }

        // Top part.
        var items: [Item] = []
        if let emblem = d.artwork.nationalEmblem {
            let side = mm(22)
            items.append(Item(height: side, gap: 0, stretch: 0) { y in
                try canvas.drawImage(emblem, x: (width - side) / 2, y: y, width: side, height: side)
            })
        }
        items.append(try centered([Run(words.nation)], TextStyle(size: 13, bold: true), gap: items.isEmpty ? 0 : mm(3)))
        items.append(try centered([Run(words.motto)], TextStyle(size: 14, bold: true), gap: 1, rule: true))
        items.append(try centered([Run(d.issuer)], TextStyle(size: 14, bold: true), gap: mm(5), stretch: 1))
        items.append(try centered([Run(words.certificate)], TextStyle(size: 30, bold: true, color: .certificateRed), gap: mm(9), stretch: 3))
        items.append(try centered([Run(words.ocopProduct)], TextStyle(size: 18, bold: true), gap: mm(1.5)))
        if let mark = d.artwork.ocopMark {
            let markHeight = mm(18)
            items.append(Item(height: markHeight, gap: mm(4), stretch: 1) { y in
                try canvas.drawImage(mark, x: left, y: y, width: contentWidth, height: markHeight)
            })
        }
        let radius = mm(6.5), pitch = mm(16)
        items.append(Item(height: 2 * radius, gap: mm(5), stretch: 2) { y in
            let first = width / 2 - Double(d.stars - 1) * pitch / 2
            for i in 0..<d.stars {
                canvas.star(x: first + Double(i) * pitch, y: y + radius, radius: radius, fill: .starGold, outline: Self.starOutline)
            }
        })

        let fieldIndent = mm(6)
        func field(_ runs: [Run], _ style: TextStyle, gap: Double, stretch: Double = 0) throws -> Item {
            let box = try type.box(runs, style, width: contentWidth - 2 * fieldIndent)
            return Item(height: box.height, gap: gap, stretch: stretch) { y in box.draw(canvas.cr, x: left + fieldIndent, y: y) }
        }
        items.append(try field([Run(words.productLabel + d.productName.uppercased())], TextStyle(size: 16, bold: true), gap: mm(7), stretch: 2))
        items.append(try field([Run(words.productCodeLabel), Run(d.productCode, bold: true)], TextStyle(size: 14), gap: mm(1.5)))
        items.append(try field([Run(words.productSetLabel + words.setLabel(d.productSet))], TextStyle(size: 14), gap: mm(1.5)))
        items.append(try field([Run(words.producerLabel), Run(d.producerName, bold: true)], TextStyle(size: 14), gap: mm(1.5)))
        items.append(try field([Run(words.addressLabel + d.producerAddress)], TextStyle(size: 14), gap: mm(1.5)))
        items.append(try centered([Run(words.participation(year: d.year, round: d.round))], TextStyle(size: 14), gap: mm(6), stretch: 2, indent: mm(6)))
        items.append(try centered([Run(words.ratedLabel), Run(words.stars(d.stars), color: .certificateRed)], TextStyle(size: 17, bold: true), gap: mm(3), stretch: 1))
        if let score = d.score {
            items.append(try centered([Run(words.score(score))], TextStyle(size: 13), gap: mm(1)))
        }

        // Bottom part: QR code and decision on the left, signer on the right.
        let bottomLimit = height - mm(21)
        let leftWidth = contentWidth * 0.46, rightX = left + contentWidth * 0.46, rightWidth = contentWidth * 0.54
        let module = qr.module(atLeast: mm(d.qrSide))
        let side = qr.side(module: module)
        let caption = try type.box(d.verificationHint ?? words.scanToVerify, TextStyle(size: 8), width: leftWidth)
        let small = TextStyle(size: 12, italic: true)
        let decisionBox = try type.box([
            Run(words.decisionLine(d.decisionNumber) + "\n", bold: true), Run(words.dateLine(d.decisionDate) + "\n"),
            Run(words.validUntil(d.validUntil) + "\n"), Run(words.certificateNumber(d.certificateNumber)),
        ], small, width: leftWidth)
        let leftHeight = side + 2 + caption.height + mm(3) + decisionBox.height

        let bold14 = TextStyle(size: 14, bold: true, alignment: .center)
        let dateBox = try type.box(words.placeDate(d.place, d.issuedOn), TextStyle(size: 14, italic: true, alignment: .center), width: rightWidth)
        let authorityBox = try d.signer.authority.map { try type.box($0, bold14, width: rightWidth) }
        let titleBox = try type.box(d.signer.title, bold14, width: rightWidth)
        let nameBox = try type.box(d.signer.name, bold14, width: rightWidth)
        let signatureGap = mm(26)
        let rightHeight = dateBox.height + 4 + (authorityBox?.height ?? 0) + titleBox.height + signatureGap + nameBox.height
        let bottomTop = bottomLimit - max(leftHeight, rightHeight)

        // Spread the spare height over the stretchable gaps, a little at most each.
        let topStart = mm(17)
        let natural = items.reduce(0) { $0 + $1.height + $1.gap }
        let spare = max(0, bottomTop - mm(6) - topStart - natural)
        let stretchTotal = items.reduce(0) { $0 + $1.stretch }
        let unit = stretchTotal > 0 ? min(spare / stretchTotal, mm(6)) : 0
        let used = natural + unit * stretchTotal
        guard topStart + used <= bottomTop + 0.01 else {
            throw DocumentError.invalidDocument(LocalizedText(
                vi: "Nội dung giấy chứng nhận \(d.certificateNumber) quá dài, không vừa một trang (tên sản phẩm, chủ thể hoặc địa chỉ).",
                en: "Certificate \(d.certificateNumber) does not fit on one page (product, producer or address too long)."))
        }
        var y = topStart + max(0, (bottomTop - mm(6) - topStart - used) / 2)
        for item in items {
            y += item.gap + item.stretch * unit
            try item.draw(y)
            y += item.height
        }

        // Left: QR code, its caption, the decision.
        var ly = bottomTop
        qr.draw(canvas, x: left, y: ly, module: module)
        ly += side + 2
        caption.draw(canvas.cr, x: left, y: ly)
        ly += caption.height + mm(3)
        decisionBox.draw(canvas.cr, x: left, y: ly)

        // Right: place and date, signer, signature and seal, name.
        var ry = bottomTop
        dateBox.draw(canvas.cr, x: rightX, y: ry)
        ry += dateBox.height + 4
        if let authorityBox {
            authorityBox.draw(canvas.cr, x: rightX, y: ry)
            ry += authorityBox.height
        }
        titleBox.draw(canvas.cr, x: rightX, y: ry)
        ry += titleBox.height
        try Administrative.drawSignature(canvas, artwork: d.artwork, centerX: rightX + rightWidth / 2,
                                         centerY: ry + signatureGap / 2, maxWidth: rightWidth)
        ry += signatureGap
        nameBox.draw(canvas.cr, x: rightX, y: ry)
        try canvas.checkStatus()
        cairoShowPage(canvas)
    }
}
