/// Every record a person enters is checked here before it is written (docs/validation.md):
/// the CLI, the imports and a server all call these, and the repositories call them again, so
/// no path writes an unchecked value.

extension Province {
    /// The province with its fields checked and normalised.
    public func validated() throws(DomainError) -> Province {
        var province = self
        province.code = try ProvinceCode(parsing: code, field: "code").rawValue
        province.name = try Validate.text(name, field: "name", limit: FieldLimit.name)
        province.kind = try AdministrativeUnitKind.province(kind)
        (province.validFrom, province.validTo) = try validity(validFrom, validTo)
        if let successorCode { province.successorCode = try ProvinceCode(parsing: successorCode, field: "successor_code").rawValue }
        return province
    }
}

extension Commune {
    /// The commune with its fields checked and normalised.
    public func validated() throws(DomainError) -> Commune {
        var commune = self
        commune.code = try CommuneCode(parsing: code, field: "code").rawValue
        commune.name = try Validate.text(name, field: "name", limit: FieldLimit.name)
        commune.kind = try AdministrativeUnitKind.commune(kind)
        commune.provinceCode = try ProvinceCode(parsing: provinceCode).rawValue
        (commune.validFrom, commune.validTo) = try validity(validFrom, validTo)
        commune.formerDistrict = try Validate.optionalText(formerDistrict, field: "former_district", limit: FieldLimit.name)
        return commune
    }
}

/// The kinds of administrative unit the register knows.
public enum AdministrativeUnitKind {
    public static let provinceKinds = ["tinh", "thanh_pho"]
    public static let communeKinds = ["xa", "phuong", "dac_khu", "thi_tran"]

    static func province(_ raw: String) throws(DomainError) -> String { try member(raw, of: provinceKinds) }
    static func commune(_ raw: String) throws(DomainError) -> String { try member(raw, of: communeKinds) }

    private static func member(_ raw: String, of kinds: [String]) throws(DomainError) -> String {
        let key = raw.trimmingCharacters(in: .whitespaces).lowercased()
        guard kinds.contains(key) else {
            throw .invalidValue(field: "kind", value: raw, reason: LocalizedText(
                vi: "phải là một trong: \(kinds.joined(separator: ", ")).", en: "must be one of: \(kinds.joined(separator: ", "))."))
        }
        return key
    }
}

/// A unit's validity: well-formed dates, the start not after the end.
private func validity(_ from: String?, _ to: String?) throws(DomainError) -> (String?, String?) {
    let start = try from.map { raw throws(DomainError) in try Validate.date(raw, field: "valid_from") }
    let end = try to.map { raw throws(DomainError) in try Validate.date(raw, field: "valid_to") }
    if let start, let end, start > end {
        throw .invalidValue(field: "valid_to", value: end.iso, reason: LocalizedText(
            vi: "ngày hết hiệu lực trước ngày bắt đầu (\(start.iso)).", en: "ends before it starts (\(start.iso))."))
    }
    return (start?.iso, end?.iso)
}

extension ProducerDraft {
    /// The producer with its fields checked and normalised.
    public func validated() throws(DomainError) -> ProducerDraft {
        var draft = self
        draft.registrationNo = try RegistrationNumber(parsing: registrationNo).rawValue
        draft.name = try Validate.text(name, field: "name", limit: FieldLimit.name)
        draft.communeCode = try CommuneCode(parsing: communeCode).rawValue
        draft.address = try Validate.optionalText(address, field: "address", limit: FieldLimit.address)
        draft.phone = try phone.flatMap { raw throws(DomainError) in raw.isBlank ? nil : try Validate.phone(raw) }
        draft.email = try email.flatMap { raw throws(DomainError) in raw.isBlank ? nil : try Validate.email(raw) }
        draft.representative.name = try Validate.optionalText(representative.name, field: "representative", limit: FieldLimit.name)
        return draft
    }
}

extension ProducerChanges {
    /// The changes with each given field checked. A blank optional field (address, phone,
    /// e-mail, representative) means "clear it" and stays an empty string; a blank name is refused.
    public func validated() throws(DomainError) -> ProducerChanges {
        var changes = self
        changes.name = try name.map { raw throws(DomainError) in try Validate.text(raw, field: "name", limit: FieldLimit.name) }
        changes.communeCode = try communeCode.map { raw throws(DomainError) in try CommuneCode(parsing: raw).rawValue }
        changes.address = try address.map { raw throws(DomainError) in try Validate.optionalText(raw, field: "address", limit: FieldLimit.address) ?? "" }
        changes.phone = try phone.map { raw throws(DomainError) in raw.isBlank ? "" : try Validate.phone(raw) }
        changes.email = try email.map { raw throws(DomainError) in raw.isBlank ? "" : try Validate.email(raw) }
        changes.representativeName = try representativeName.map { raw throws(DomainError) in
            try Validate.optionalText(raw, field: "representative", limit: FieldLimit.name) ?? ""
        }
        return changes
    }

    /// Whether anything would change.
    public var isEmpty: Bool {
        name == nil && kind == nil && communeCode == nil && address == nil && phone == nil && email == nil
            && representativeName == nil && female == nil && ethnicMinority == nil && disabled == nil && illustrative == nil
    }
}

extension ProductDraft {
    /// The product with its fields checked and normalised; `today` bounds the year.
    public func validated(today: CalendarDate) throws(DomainError) -> ProductDraft {
        var draft = self
        draft.name = try Validate.text(name, field: "name", limit: FieldLimit.name)
        try Validate.productSet(productSet)
        draft.communeCode = try communeCode.flatMap { raw throws(DomainError) in raw.isBlank ? nil : try CommuneCode(parsing: raw).rawValue }
        draft.code = try code.flatMap { raw throws(DomainError) in raw.isBlank ? nil : try ProductCode.validated(raw, today: today).description }
        draft.producerRef = producerRef.trimmingCharacters(in: .whitespaces)
        draft.year = try Validate.year(year, today: today)
        return draft
    }
}

extension DossierOpening {
    /// The request with its year (2018 to next year), round (1–9), target (3–5★) and note checked;
    /// a year or round not given comes from the filing date later.
    public func validated(today: CalendarDate) throws(DomainError) -> DossierOpening {
        var opening = self
        if let year { opening.year = try Validate.year(year, today: today) }
        if let round, !(1...9).contains(round) {
            throw .invalidValue(field: "round", value: String(round), reason: LocalizedText(vi: "kỳ đánh giá phải từ 1 đến 9.", en: "the round must be 1 to 9."))
        }
        if let stars = targetStars, !(3...5).contains(stars) {
            throw .invalidValue(field: "target_stars", value: String(stars), reason: LocalizedText(
                vi: "hạng sao đề nghị phải từ 3 đến 5.", en: "the target must be 3 to 5 stars."))
        }
        opening.note = try Validate.optionalText(note, field: "note", limit: FieldLimit.note, multiline: true)
        return opening
    }
}

extension String {
    var isBlank: Bool { trimmingCharacters(in: .whitespacesAndNewlines).isEmpty }
}
