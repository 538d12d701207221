import OCOPDomain

/// One append-only table's chain: its length and its last hash (hex).
public struct AuditChainHead: Sendable, Codable, Hashable {
    public var table: String
    public var rows: Int
    public var head: String

    public init(table: String, rows: Int, head: String) {
        self.table = table
        self.rows = rows
        self.head = head
    }
}

/// The audit head: one SHA-256 over every chain head, printed on minutes and decisions.
public struct AuditHead: Sendable, Codable, Hashable {
    public var hash: String
    public var chains: [AuditChainHead]

    public init(hash: String, chains: [AuditChainHead]) {
        self.hash = hash
        self.chains = chains
    }

    /// What minutes and decisions print: the hash in groups, then the chain lengths it covers,
    /// so the head of that moment can be recomputed later (`ocop audit verify --printed`).
    public var printed: String { grouped + " @ " + chains.map { String($0.rows) }.joined(separator: ".") }

    /// The hash in groups of four, as printed: "3f2a 9c01 …".
    public var grouped: String {
        stride(from: 0, to: hash.count, by: 4).map { offset in
            let start = hash.index(hash.startIndex, offsetBy: offset)
            return String(hash[start..<hash.index(start, offsetBy: Swift.min(4, hash.count - offset))])
        }.joined(separator: " ")
    }
}

/// Where a chain stops matching its rows.
public struct AuditBreak: Sendable, Codable, Hashable {
    public enum Kind: String, Sendable, Codable, Hashable {
        /// The row's content no longer gives its hash (edited).
        case altered
        /// A row of the chain is gone (deleted), or the chain ends early.
        case missing
        /// Two rows claim one position.
        case duplicated
        /// The rows verify but end on another head than the one recorded.
        case headMismatch
    }

    public var table: String
    /// The chain position (1-based) where it breaks.
    public var position: Int
    /// The row, as its table names it ("id 42", "sheet 7, criterion 1.2").
    public var row: String?
    public var kind: Kind

    public init(table: String, position: Int, row: String?, kind: Kind) {
        self.table = table
        self.position = position
        self.row = row
        self.kind = kind
    }

    public func message(_ language: Language) -> String {
        let vi = language == .vi
        let which = row.map { vi ? " (\($0))" : " (\($0))" } ?? ""
        switch kind {
        case .altered:
            return vi ? "\(table): dòng thứ \(position)\(which) đã bị sửa sau khi ghi (mã băm không khớp)."
                : "\(table): row \(position)\(which) was changed after it was recorded (its hash does not match)."
        case .missing:
            return vi ? "\(table): thiếu dòng thứ \(position)\(which) (đã bị xoá)." : "\(table): row \(position)\(which) is missing (deleted)."
        case .duplicated:
            return vi ? "\(table): vị trí \(position)\(which) bị trùng." : "\(table): position \(position)\(which) appears twice."
        case .headMismatch:
            return vi ? "\(table): chuỗi kết thúc khác với đầu chuỗi đã ghi." : "\(table): the chain ends on another head than the recorded one."
        }
    }
}

/// A head as printed on paper: the hash and the chain lengths it covered.
public struct PrintedAuditHead: Sendable, Codable, Hashable {
    public var hash: String
    public var rows: [Int]
    public var text: String

    /// Reads "ec40 37b2 … 9906 @ 1.11.3.…" (spaces in the hash do not matter).
    public init?(_ text: String) {
        let parts = text.split(separator: "@")
        guard parts.count == 2 else { return nil }
        let hash = parts[0].filter { !$0.isWhitespace }.lowercased()
        let rows = parts[1].trimmingCharacters(in: .whitespaces).split(separator: ".").map { Int($0) }
        guard hash.count == 64, hash.allSatisfy(\.isHexDigit), !rows.isEmpty, rows.allSatisfy({ ($0 ?? -1) >= 0 }) else { return nil }
        self.hash = hash
        self.rows = rows.map { $0! }
        self.text = text
    }
}

/// What `ocop audit verify` found.
public struct AuditReport: Sendable, Codable, Hashable {
    public var chains: [AuditChainHead]
    public var breaks: [AuditBreak]
    public var head: AuditHead
    /// With a printed head: whether the rows still give it.
    public var printedMatches: Bool?

    public init(chains: [AuditChainHead], breaks: [AuditBreak], head: AuditHead, printedMatches: Bool? = nil) {
        self.chains = chains
        self.breaks = breaks
        self.head = head
        self.printedMatches = printedMatches
    }

    public var intact: Bool { breaks.isEmpty && printedMatches != false }
}

/// What `ocop db backup` wrote: the file, its size, and the audit head it holds.
public struct BackupSummary: Sendable, Codable, Hashable {
    public var file: String
    public var bytes: Int
    public var head: AuditHead

    public init(file: String, bytes: Int, head: AuditHead) {
        self.file = file
        self.bytes = bytes
        self.head = head
    }
}
