import Foundation
import OCOPDomain

/// The canonical text of a certificate (payload format 1): 22 fields separated by `|`, UTF-8,
/// NFC. In text fields `\` is written `\\` and `|` is written `\|`; nothing else is escaped.
/// Numbers are ASCII decimal without leading zeros, dates are `YYYYMMDD`, the score is `78.33`
/// or empty. Field 0 is the key fingerprint (the kid without its issuer prefix); the others follow
/// `CertificateField` order. Exactly one text exists for each payload, and parsing refuses
/// anything else, so a signature can only ever match one set of fields.
enum CertificateRecord {
    static let fieldCount = 1 + CertificateField.allCases.count
    static let separator: UInt8 = 0x7C  // |
    static let escape: UInt8 = 0x5C  // \

    static func text(of payload: CertificatePayload, fingerprint: String) -> [UInt8] {
        let p = payload
        let fields: [String] = [
            fingerprint,
            escaped(p.certificateNumber), p.issuerCode.value, escaped(p.issuerName),
            escaped(p.productName), p.productCode.description, String(p.productSet.value),
            escaped(p.producerName), escaped(p.producerAddress),
            String(p.evaluationYear), String(p.evaluationRound), String(p.stars), p.score?.plain ?? "",
            escaped(p.place), compact(p.issueDate),
            escaped(p.signerPrefix), escaped(p.signerTitle), escaped(p.signerName),
            escaped(p.decisionNumber), compact(p.decisionDate), compact(p.validUntil),
            String(p.statusListIndex),
        ]
        return Array(fields.joined(separator: "|").utf8)
    }

    /// Works on Unicode scalars: a `|` followed by a combining mark is one Character to Swift
    /// (and to Foundation's search), but still a separator byte in the record.
    static func escaped(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        for scalar in text.precomposedStringWithCanonicalMapping.unicodeScalars {
            if scalar == "\\" || scalar == "|" { out.append("\\") }
            out.append(scalar)
        }
        return String(out)
    }

    static func compact(_ date: CalendarDate) -> String {
        date.iso.replacingOccurrences(of: "-", with: "")
    }

    /// Splits and checks a record; every refusal names the field.
    static func parse(_ bytes: [UInt8]) throws(CredentialError) -> (fingerprint: String, payload: CertificatePayload) {
        var fields: [[UInt8]] = [[]]
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte == escape {
                guard index + 1 < bytes.count, bytes[index + 1] == escape || bytes[index + 1] == separator else {
                    throw malformed("lối thoát \\ sai ở byte \(index + 1)", "a bad \\ escape at byte \(index + 1)")
                }
                fields[fields.count - 1].append(bytes[index + 1])
                index += 2
                continue
            }
            if byte == separator {
                fields.append([])
            } else {
                fields[fields.count - 1].append(byte)
            }
            index += 1
        }
        guard fields.count == fieldCount else {
            throw malformed("có \(fields.count) trường, cần \(fieldCount)", "\(fields.count) fields instead of \(fieldCount)")
        }
        var texts: [String] = []
        for (position, field) in fields.enumerated() {
            guard let text = String(validating: field, as: UTF8.self) else {
                throw malformed("trường \(position) không phải UTF-8", "field \(position) is not UTF-8")
            }
            guard Array(text.precomposedStringWithCanonicalMapping.utf8) == field else {
                throw malformed("trường \(position) không ở dạng chuẩn NFC", "field \(position) is not in NFC")
            }
            texts.append(text)
        }

        let fingerprint = texts[0]
        guard fingerprint.utf8.count == 8, (try? Base32.decode(fingerprint))?.count == 5 else {
            throw malformed("dấu vân tay khóa \"\(fingerprint)\" sai", "key fingerprint \"\(fingerprint)\" is wrong")
        }
        var values = texts.dropFirst().makeIterator()
        func next() -> String { values.next()! }
        func number(_ field: CertificateField, _ text: String) throws(CredentialError) -> Int {
            guard let value = canonicalInteger(text) else { throw badField(field, text) }
            return value
        }
        func date(_ field: CertificateField, _ text: String) throws(CredentialError) -> CalendarDate {
            guard text.utf8.count == 8, text.utf8.allSatisfy({ (48...57).contains($0) }),
                  let d = CalendarDate(iso: "\(text.prefix(4))-\(text.dropFirst(4).prefix(2))-\(text.suffix(2))")
            else { throw badField(field, text) }
            return d
        }

        let certificateNumber = next()
        let issuerText = next()
        guard let issuerCode = try? IssuerCode(issuerText) else { throw badField(.issuerCode, issuerText) }
        let issuerName = next()
        let productName = next()
        let productCodeText = next()
        guard let productCode = ProductCode(parsing: productCodeText), productCode.description == productCodeText else {
            throw badField(.productCode, productCodeText)
        }
        let productSetText = next()
        guard let productSet = ProductSetNumber(try number(.productSet, productSetText)) else { throw badField(.productSet, productSetText) }
        let producerName = next()
        let producerAddress = next()
        let year = try number(.evaluationYear, next())
        let round = try number(.evaluationRound, next())
        let stars = try number(.stars, next())
        let scoreText = next()
        let score: CertificateScore?
        if scoreText.isEmpty {
            score = nil
        } else {
            let parts = scoreText.split(separator: ".", omittingEmptySubsequences: false)
            guard parts.count == 2, parts[1].utf8.count == 2, parts[1].utf8.allSatisfy({ (48...57).contains($0) }),
                  let whole = canonicalInteger(String(parts[0])), let fraction = Int(parts[1]),
                  let value = CertificateScore(hundredths: whole * 100 + fraction)
            else { throw badField(.score, scoreText) }
            score = value
        }
        let place = next()
        let issueDate = try date(.issueDate, next())
        let signerPrefix = next()
        let signerTitle = next()
        let signerName = next()
        let decisionNumber = next()
        let decisionDate = try date(.decisionDate, next())
        let validUntil = try date(.validUntil, next())
        let statusListIndex = try number(.statusListIndex, next())

        let payload = CertificatePayload(
            certificateNumber: certificateNumber, issuerCode: issuerCode, issuerName: issuerName,
            productName: productName, productCode: productCode, productSet: productSet,
            producerName: producerName, producerAddress: producerAddress,
            evaluationYear: year, evaluationRound: round, stars: stars, score: score,
            place: place, issueDate: issueDate,
            signerPrefix: signerPrefix, signerTitle: signerTitle, signerName: signerName,
            decisionNumber: decisionNumber, decisionDate: decisionDate, validUntil: validUntil,
            statusListIndex: statusListIndex)
        do {
            try payload.validate()
        } catch {
            throw .malformedPayload(reason: LocalizedText(vi: error.message(.vi), en: error.message(.en)))
        }
        return (fingerprint, payload)
    }

    /// "0" or digits without a leading zero, at most 9 of them.
    static func canonicalInteger(_ text: String) -> Int? {
        let digits = Array(text.utf8)
        guard (1...9).contains(digits.count), digits.allSatisfy({ (48...57).contains($0) }),
              digits.count == 1 || digits[0] != 48
        else { return nil }
        return Int(text)
    }

    static func malformed(_ vi: String, _ en: String) -> CredentialError {
        .malformedPayload(reason: LocalizedText(vi: vi, en: en))
    }

    static func badField(_ field: CertificateField, _ text: String) -> CredentialError {
        malformed("\(field.label.vi) \"\(text)\" sai định dạng", "\(field.label.en) \"\(text)\" is malformed")
    }
}
