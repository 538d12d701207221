import Foundation
import OCOPDomain

/// `ocop report register`: the register on a day, as the province's annual report counts it.
public struct RegisterReport: Sendable, Hashable {
    public var tally: RegisterTally
    /// The province the report is limited to, if any.
    public var province: String?
    /// Product set number → its title.
    public var setTitles: [Int: String]
    /// The target of the report's year and what was achieved.
    public var target: TargetView?
    /// The next year's target, when set.
    public var nextTarget: TargetView?

    public init(tally: RegisterTally, province: String?, setTitles: [Int: String], target: TargetView?, nextTarget: TargetView?) {
        self.tally = tally
        self.province = province
        self.setTitles = setTitles
        self.target = target
        self.nextTarget = nextTarget
    }
}

/// Where a dossier of a round ended up.
public enum RoundOutcome: String, Sendable, Hashable, Codable, CaseIterable {
    case recognised
    /// An upgrade whose result was not above its certificate (the certificate stays).
    case upgradeNotGranted = "upgrade_not_granted"
    /// 1★/2★, or disqualified: no decision, no certificate.
    case notRecognised = "not_recognised"
    /// ≥ 90 points: with the Ministry (central council or the Minister's decision).
    case withMinistry = "with_ministry"
    /// Scored, the decision not yet issued.
    case awaitingDecision = "awaiting_decision"
    /// Not yet scored by a council.
    case inProgress = "in_progress"
    case withdrawn

    public var label: LocalizedText {
        switch self {
        case .recognised: LocalizedText(vi: "Được công nhận", en: "Recognised")
        case .upgradeNotGranted: LocalizedText(vi: "Không công nhận nâng hạng", en: "Upgrade not granted")
        case .notRecognised: LocalizedText(vi: "Không đạt", en: "Not recognised")
        case .withMinistry: LocalizedText(vi: "Đề nghị Bộ đánh giá 5★", en: "With the Ministry (5★)")
        case .awaitingDecision: LocalizedText(vi: "Chờ quyết định", en: "Awaiting the decision")
        case .inProgress: LocalizedText(vi: "Đang xử lý", en: "In progress")
        case .withdrawn: LocalizedText(vi: "Đã rút", en: "Withdrawn")
        }
    }
}

/// One dossier of a round, with its council result and outcome.
public struct RoundDossier: Sendable, Hashable, Codable {
    public var code: DossierCode
    public var productCode: String
    public var productName: String
    public var producerName: String
    public var productSet: Int
    public var kind: DossierKind
    public var status: DossierStatus
    /// The latest council's exact mean and stars (nil before a council or when disqualified).
    public var average: ExactMean?
    public var councilStars: Int?
    /// The stars of the certificate issued on this dossier.
    public var certificateStars: Int?
    public var certificate: String?
    /// The stars an upgrade or re-evaluation started from.
    public var basisStars: Int?
    public var targetStars: Int?
    public var outcome: RoundOutcome

    public init(code: DossierCode, productCode: String, productName: String, producerName: String, productSet: Int, kind: DossierKind,
                status: DossierStatus, average: ExactMean?, councilStars: Int?, certificateStars: Int?, certificate: String?, basisStars: Int?,
                targetStars: Int?, outcome: RoundOutcome) {
        self.code = code
        self.productCode = productCode
        self.productName = productName
        self.producerName = producerName
        self.productSet = productSet
        self.kind = kind
        self.status = status
        self.average = average
        self.councilStars = councilStars
        self.certificateStars = certificateStars
        self.certificate = certificate
        self.basisStars = basisStars
        self.targetStars = targetStars
        self.outcome = outcome
    }
}

/// `ocop report round YEAR ROUND`.
public struct RoundReport: Sendable, Hashable {
    public struct SetMean: Sendable, Hashable {
        public var set: Int
        public var title: String
        public var dossiers: Int
        /// Every member's total on the set's dossiers, pooled.
        public var mean: ExactMean

        public init(set: Int, title: String, dossiers: Int, mean: ExactMean) {
            self.set = set
            self.title = title
            self.dossiers = dossiers
            self.mean = mean
        }
    }

    public var year: Int
    public var round: Int
    public var dossiers: [RoundDossier]
    public var meansBySet: [SetMean]

    public init(year: Int, round: Int, dossiers: [RoundDossier], meansBySet: [SetMean]) {
        self.year = year
        self.round = round
        self.dossiers = dossiers
        self.meansBySet = meansBySet
    }

    public var byOutcome: [(RoundOutcome, Int)] {
        RoundOutcome.allCases.compactMap { o in
            let n = dossiers.filter { $0.outcome == o }.count
            return n == 0 ? nil : (o, n)
        }
    }

    /// Council results by stars (5★ first); disqualified as 0.
    public var byStars: [(Int, Int)] {
        let scored = dossiers.filter { $0.average != nil }
        return Set(scored.map { $0.councilStars ?? 0 }).sorted(by: >).map { s in (s, scored.filter { ($0.councilStars ?? 0) == s }.count) }
    }

    public var upgrades: [RoundDossier] { dossiers.filter { $0.kind == .upgrade } }
}

/// One upgrade: a dossier (or, in an imported register, a certificate that replaced one with
/// fewer stars).
public struct UpgradeRecord: Sendable, Hashable, Codable {
    public enum Outcome: String, Sendable, Hashable, Codable, CaseIterable {
        case granted
        case notGranted = "not_granted"
        case notRecognised = "not_recognised"
        case pending
        case withdrawn

        public var label: LocalizedText {
            switch self {
            case .granted: LocalizedText(vi: "Được nâng hạng", en: "Granted")
            case .notGranted: LocalizedText(vi: "Không công nhận nâng hạng", en: "Not granted")
            case .notRecognised: LocalizedText(vi: "Không đạt", en: "Not recognised")
            case .pending: LocalizedText(vi: "Đang xử lý", en: "Pending")
            case .withdrawn: LocalizedText(vi: "Đã rút", en: "Withdrawn")
            }
        }
    }

    public var productCode: String
    public var productName: String
    public var producerName: String
    public var dossier: DossierCode?
    /// The filing date, or the decision date of a register upgrade.
    public var date: CalendarDate
    public var fromStars: Int
    public var targetStars: Int?
    /// The council's result stars.
    public var resultStars: Int?
    public var average: ExactMean?
    /// The stars granted (the new certificate's).
    public var grantedStars: Int?
    public var certificate: String?
    public var decision: String?
    public var decidedOn: CalendarDate?
    public var outcome: Outcome

    public init(productCode: String, productName: String, producerName: String, dossier: DossierCode?, date: CalendarDate, fromStars: Int,
                targetStars: Int?, resultStars: Int?, average: ExactMean?, grantedStars: Int?, certificate: String?, decision: String?,
                decidedOn: CalendarDate?, outcome: Outcome) {
        self.productCode = productCode
        self.productName = productName
        self.producerName = producerName
        self.dossier = dossier
        self.date = date
        self.fromStars = fromStars
        self.targetStars = targetStars
        self.resultStars = resultStars
        self.average = average
        self.grantedStars = grantedStars
        self.certificate = certificate
        self.decision = decision
        self.decidedOn = decidedOn
        self.outcome = outcome
    }

    /// "3★→4★": granted stars when granted, else the target.
    public var transition: String { "\(fromStars)★→\(grantedStars ?? targetStars ?? fromStars + 1)★" }
}

/// `ocop report listings`: where products are sold on a day.
public struct ListingsReport: Sendable, Hashable {
    public struct KindRow: Sendable, Hashable {
        public var kind: OutletKind
        public var outlets: Int
        public var onSale: Int
        public var asOCOP: Int
        public var mustWithdraw: Int
        public var products: Int
    }

    public var asOf: CalendarDate
    public var listings: [ListingView]

    public init(asOf: CalendarDate, listings: [ListingView]) {
        self.asOf = asOf
        self.listings = listings
    }

    public var onSale: [ListingView] { listings.filter { $0.status.isOnSale } }
    public var mustWithdraw: [ListingView] { listings.filter { $0.status == .mustWithdraw } }

    public var byKind: [KindRow] {
        OutletKind.allCases.compactMap { kind in
            let all = listings.filter { $0.outlet.kind == kind }
            guard !all.isEmpty else { return nil }
            let sale = all.filter { $0.status.isOnSale }
            return KindRow(kind: kind, outlets: Set(sale.map(\.outlet.id)).count, onSale: sale.count,
                           asOCOP: sale.filter { $0.status == .listedOCOP }.count, mustWithdraw: sale.filter { $0.status == .mustWithdraw }.count,
                           products: Set(sale.map(\.productID)).count)
        }
    }

    /// Supermarket chains and how many products each sells on the day.
    public var byChain: [(chain: String, products: Int)] {
        var chains: [String: Set<Int>] = [:]
        for l in onSale where l.outlet.kind == .supermarket { chains[l.outlet.chain ?? l.outlet.name, default: []].insert(l.productID) }
        return chains.keys.sorted().map { ($0, chains[$0]!.count) }
    }
}
