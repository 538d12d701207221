import Foundation
import OCOPDocuments
import OCOPDomain
import OCOPModels
import Testing

@Suite("Artwork, English rendering, errors")
struct ArtworkAndLanguageTests {
    @Test("Configured artwork is drawn; the text is unchanged")
    func artwork() throws {
        try withTemporaryDirectory { dir in
            func file(_ name: String, _ data: Data) throws -> String {
                let url = dir.appendingPathComponent(name)
                try data.write(to: url)
                return url.path
            }
            let artwork = IssuerArtwork(nationalEmblem: try file("emblem.png", TestImage.square), ocopMark: try file("mark.png", TestImage.square),
                                        seal: try file("seal.png", TestImage.ring), signature: try file("signature.png", TestImage.stroke))
            let plain = try renderer.pdf(Fixture.certificate())
            let pdf = try renderer.pdf(Fixture.certificate(artwork: artwork))
            #expect(pdf != plain)
            let inspection = try inspect(pdf)
            #expect(inspection.pages == 1)
            expectOnlyLiberationSerif(inspection)
            let flat = { (text: String) in text.split(whereSeparator: \.isWhitespace).joined(separator: " ") }
            #expect(flat(inspection.text) == flat(try inspect(plain).text))
            try renderPictures("certificate-artwork-vi", pdf)

            var decision = Fixture.decision()
            decision.artwork = IssuerArtwork(seal: artwork.seal, signature: artwork.signature)
            #expect(try inspect(try renderer.pdf(decision)).pages == 4)
        }
    }

    @Test("A missing or broken artwork file is an error naming it")
    func missingArtwork() throws {
        let missing = "/nonexistent/quoc-huy.png"
        #expect(throws: DocumentError.artworkUnreadable(path: missing, reason: "file not found")) {
            try renderer.pdf(Fixture.certificate(artwork: IssuerArtwork(nationalEmblem: missing)))
        }
        try withTemporaryDirectory { dir in
            let broken = dir.appendingPathComponent("seal.png")
            try Data("not a png".utf8).write(to: broken)
            do {
                _ = try renderer.pdf(Fixture.certificate(artwork: IssuerArtwork(seal: broken.path)))
                Issue.record("a broken PNG was accepted")
            } catch let error as DocumentError {
                guard case .artworkUnreadable(let path, _) = error else { Issue.record("unexpected \(error)"); return }
                #expect(path == broken.path)
                #expect(error.message(.vi).contains(broken.path))
            }
        }
    }

    @Test("English certificate and decision: same layout, English wording")
    func english() throws {
        let certificate = try renderer.pdf(Fixture.certificate(language: .en))
        let c = try inspect(certificate)
        #expect(c.pages == 1)
        expectOnlyLiberationSerif(c)
        #expect(c.text.contains("CERTIFICATE") && c.text.contains("SOCIALIST REPUBLIC OF VIET NAM"))
        try expectGolden("certificate-en", c.text)
        try renderPictures("certificate-en", certificate)

        let decision = try renderer.pdf(Fixture.decision(language: .en))
        let d = try inspect(decision)
        expectOnlyLiberationSerif(d)
        #expect(d.text.contains("DECIDES:") && d.text.contains("Article 1."))
        try expectGolden("decision-en", d.text)
    }

    @Test("Characters Liberation Serif lacks are refused, not printed in another font")
    func unsupportedCharacter() {
        var certificate = Fixture.certificate()
        certificate.productName = "Mật ong ★ thượng hạng"
        #expect(throws: DocumentError.unsupportedCharacters("★", in: "SẢN PHẨM: MẬT ONG ★ THƯỢNG HẠNG")) {
            try renderer.pdf(certificate)
        }
    }

    @Test("Decomposed input prints as NFC")
    func decomposedInput() throws {
        var certificate = Fixture.certificate()
        certificate.producerName = "Hợp tác xã Nông nghiệp Quý Sơn".decomposedStringWithCanonicalMapping
        let text = try inspect(try renderer.pdf(certificate)).text
        #expect(isNFC(text))
        #expect(text.contains("Hợp tác xã Nông nghiệp Quý Sơn"))
    }

    @Test("Invalid documents are refused with both languages")
    func invalid() throws {
        var certificate = Fixture.certificate()
        certificate.stars = 2
        do {
            _ = try renderer.pdf(certificate)
            Issue.record("a 2-star certificate was printed")
        } catch let error as DocumentError {
            #expect(error.message(.vi).contains("3, 4 hoặc 5 sao"))
            #expect(error.message(.en).contains("3-, 4- or 5-star"))
            #expect(error.kind == .invalidInput)
        }
        var decision = Fixture.decision()
        decision.layout.margins.left = 120
        #expect(throws: DocumentError.self) { try renderer.pdf(decision) }
        decision = Fixture.decision()
        decision.annexes = []
        #expect(throws: DocumentError.self) { try renderer.pdf(decision) }
        #expect(throws: DocumentError.self) { try renderer.pdf(certificates: []) }
    }
}
