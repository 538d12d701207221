/// The OCOP mark a listing carries from a day on: the certificate printed on the packaging or
/// shelf label.
public struct ListingMark: Sendable, Hashable, Codable {
    public var since: CalendarDate
    public var certificate: CertificateRecord

    public init(since: CalendarDate, certificate: CertificateRecord) {
        self.since = since
        self.certificate = certificate
    }
}

/// How a listing stands on a day.
public enum ListingStatus: String, Sendable, Hashable, CaseIterable, Codable {
    /// Before its first day.
    case notYetListed = "not_yet_listed"
    /// On sale, without the OCOP mark.
    case listed
    /// On sale as an OCOP product, under a certificate in force.
    case listedOCOP = "listed_ocop"
    /// On sale with the OCOP mark of a certificate no longer in force (expired, revoked or
    /// superseded): the mark must come off (Art. 9.3.b) until the listing ends or carries the
    /// product's new certificate.
    case mustWithdraw = "must_withdraw"
    /// Past its last day.
    case ended

    public var label: LocalizedText {
        switch self {
        case .notYetListed: LocalizedText(vi: "Chưa bắt đầu", en: "Not yet listed")
        case .listed: LocalizedText(vi: "Đang bán (không dùng nhãn OCOP)", en: "On sale (without the OCOP mark)")
        case .listedOCOP: LocalizedText(vi: "Đang bán là sản phẩm OCOP", en: "On sale as an OCOP product")
        case .mustWithdraw: LocalizedText(vi: "Phải gỡ nhãn OCOP", en: "Must withdraw the OCOP mark")
        case .ended: LocalizedText(vi: "Đã kết thúc", en: "Ended")
        }
    }

    /// On sale on the day (with or without the mark).
    public var isOnSale: Bool { self == .listed || self == .listedOCOP || self == .mustWithdraw }
}

/// The dated facts of one listing; its status on any day is computed, never stored.
public struct ListingFacts: Sendable, Hashable, Codable {
    public var listedOn: CalendarDate
    /// The last day on sale; open while nil.
    public var endedOn: CalendarDate?
    public var ocopMark: Bool
    /// The certificates the mark carried, oldest first.
    public var marks: [ListingMark]

    public init(listedOn: CalendarDate, endedOn: CalendarDate? = nil, ocopMark: Bool, marks: [ListingMark] = []) {
        self.listedOn = listedOn
        self.endedOn = endedOn
        self.ocopMark = ocopMark
        self.marks = marks.sorted { $0.since < $1.since }
    }

    /// The mark carried on `date` (the latest one recorded from a day not after it).
    public func mark(on date: CalendarDate) -> ListingMark? { marks.last { $0.since <= date } }

    public func status(on date: CalendarDate) -> ListingStatus {
        if date < listedOn { return .notYetListed }
        if let endedOn, date > endedOn { return .ended }
        guard ocopMark else { return .listed }
        guard let mark = mark(on: date), mark.certificate.status(on: date).isCurrent else { return .mustWithdraw }
        return .listedOCOP
    }

    /// Since when the mark must come off, when it must on `date`: the day after its certificate's
    /// last day in force.
    public func mustWithdrawSince(on date: CalendarDate) -> CalendarDate? {
        guard status(on: date) == .mustWithdraw else { return nil }
        guard let mark = mark(on: date) else { return listedOn }
        return max(mark.since, mark.certificate.facts.lastDayInForce.adding(days: 1))
    }
}

/// What may be recorded about a listing (docs/after-recognition.md): only a product with a
/// certificate in force may be listed as OCOP; ends and new marks come after what they follow;
/// nothing is dated after today.
public enum ListingRules {
    /// The certificate a new OCOP listing carries: the product's certificate in force on
    /// `listedOn`, or `chosen` when it is in force then.
    public static func markForNewListing(listedOn: CalendarDate, certificates: [CertificateRecord], chosen: CertificateNumber?,
                                         product: String) throws(DomainError) -> CertificateRecord {
        try markOn(listedOn, certificates: certificates, chosen: chosen, product: product, field: "listed_on")
    }

    /// The certificate a listing carries from `since` on (the product's new certificate after an
    /// upgrade or re-evaluation).
    public static func checkRemark(_ facts: ListingFacts, since: CalendarDate, certificates: [CertificateRecord], chosen: CertificateNumber?,
                                   product: String, today: CalendarDate) throws(DomainError) -> CertificateRecord {
        _ = try notAfter(since, today: today, field: "date")
        guard facts.ocopMark else {
            throw .invalidValue(field: "listing", value: product, reason: LocalizedText(
                vi: "điểm bán này không dùng nhãn OCOP; ghi một điểm bán mới có nhãn OCOP.", en: "this listing does not carry the OCOP mark; record a new listing with the mark."))
        }
        guard since >= facts.listedOn else {
            throw .invalidValue(field: "date", value: since.iso, reason: LocalizedText(
                vi: "trước ngày bắt đầu bán (\(facts.listedOn.display(.vi))).", en: "is before the listing started (\(facts.listedOn.display(.en)))."))
        }
        if let end = facts.endedOn, since > end {
            throw .invalidValue(field: "date", value: since.iso, reason: LocalizedText(
                vi: "sau ngày kết thúc bán (\(end.display(.vi))).", en: "is after the listing ended (\(end.display(.en)))."))
        }
        if let last = facts.marks.last?.since, since <= last {
            throw .invalidValue(field: "date", value: since.iso, reason: LocalizedText(
                vi: "không sau nhãn đã ghi ngày \(last.display(.vi)).", en: "is not after the mark recorded on \(last.display(.en))."))
        }
        let record = try markOn(since, certificates: certificates, chosen: chosen, product: product, field: "date")
        if let current = facts.mark(on: since), current.certificate.number == record.number {
            throw .invalidValue(field: "certificate", value: record.number.description, reason: LocalizedText(
                vi: "điểm bán đã mang nhãn của giấy chứng nhận này.", en: "the listing already carries this certificate's mark."))
        }
        return record
    }

    /// Checks the last day of a listing.
    public static func checkEnd(_ facts: ListingFacts, endedOn: CalendarDate, today: CalendarDate) throws(DomainError) {
        _ = try notAfter(endedOn, today: today, field: "ended_on")
        if let end = facts.endedOn {
            throw .invalidValue(field: "listing", value: end.iso, reason: LocalizedText(
                vi: "điểm bán đã kết thúc ngày \(end.display(.vi)).", en: "the listing already ended on \(end.display(.en))."))
        }
        guard endedOn >= facts.listedOn else {
            throw .invalidValue(field: "ended_on", value: endedOn.iso, reason: LocalizedText(
                vi: "trước ngày bắt đầu bán (\(facts.listedOn.display(.vi))).", en: "is before the listing started (\(facts.listedOn.display(.en)))."))
        }
        if let last = facts.marks.last?.since, endedOn < last {
            throw .invalidValue(field: "ended_on", value: endedOn.iso, reason: LocalizedText(
                vi: "trước nhãn OCOP đã ghi ngày \(last.display(.vi)).", en: "is before the OCOP mark recorded on \(last.display(.en))."))
        }
    }

    /// A listing's first day may not be in the future: a listing is recorded once it happens.
    @discardableResult
    public static func notAfter(_ date: CalendarDate, today: CalendarDate, field: String) throws(DomainError) -> CalendarDate {
        guard date <= today else {
            throw .invalidValue(field: field, value: date.iso, reason: LocalizedText(
                vi: "là ngày trong tương lai (hôm nay là \(today.display(.vi))).", en: "is in the future (today is \(today.display(.en)))."))
        }
        return date
    }

    private static func markOn(_ date: CalendarDate, certificates: [CertificateRecord], chosen: CertificateNumber?, product: String,
                               field: String) throws(DomainError) -> CertificateRecord {
        if let chosen {
            guard let record = certificates.first(where: { $0.number == chosen }) else {
                throw .invalidValue(field: "certificate", value: chosen.description, reason: LocalizedText(
                    vi: "không phải giấy chứng nhận của sản phẩm \(product).", en: "is not a certificate of product \(product)."))
            }
            guard record.status(on: date).isCurrent else {
                throw .invalidValue(field: "certificate", value: chosen.description, reason: LocalizedText(
                    vi: "ngày \(date.display(.vi)) giấy chứng nhận này \(record.describeState(on: date, .vi)); chỉ sản phẩm có giấy chứng nhận còn hiệu lực mới được bán với nhãn OCOP.",
                    en: "on \(date.display(.en)) this certificate was \(record.describeState(on: date, .en)); only a product with a certificate in force may be sold with the OCOP mark."))
            }
            return record
        }
        guard let record = CertificateRecord.current(among: certificates, on: date) else {
            let last = CertificateRecord.latest(among: certificates, on: date)
            let state = last.map { LocalizedText(vi: " (giấy chứng nhận gần nhất \($0.number) \($0.describeState(on: date, .vi)))",
                                                 en: " (its latest certificate \($0.number) was \($0.describeState(on: date, .en)))") }
            throw .invalidValue(field: field, value: date.iso, reason: LocalizedText(
                vi: "ngày \(date.display(.vi)) sản phẩm \(product) không có giấy chứng nhận OCOP còn hiệu lực\(state?(.vi) ?? ""); chỉ sản phẩm có giấy chứng nhận còn hiệu lực mới được bán với nhãn OCOP. Ghi điểm bán không dùng nhãn nếu sản phẩm vẫn được bán ở đó.",
                en: "on \(date.display(.en)) product \(product) held no OCOP certificate in force\(state?(.en) ?? ""); only a product with a certificate in force may be sold with the OCOP mark. Record a listing without the mark if it is still sold there."))
        }
        return record
    }
}
