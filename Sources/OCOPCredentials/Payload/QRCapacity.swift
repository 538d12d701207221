/// How many characters a QR code holds in alphanumeric mode at error-correction level Q
/// (ISO/IEC 18004:2015, Table 7 "Number of symbol characters and input data capacity").
/// Level Q restores about 25 % of damaged codewords, the level the EU DCC recommends for printed
/// codes. Base45 and the upper-case URL form use only alphanumeric-mode characters.
public enum QRCapacity {
    /// Index 0 is version 1. Checked against libqrencode 4.1.1 (the largest all-alphanumeric
    /// string each version accepts at level Q).
    public static let alphanumericLevelQ: [Int] = [
        16, 29, 47, 67, 87, 108, 125, 157, 189, 221,
        259, 296, 352, 376, 426, 470, 531, 574, 644, 702,
        742, 823, 890, 963, 1041, 1094, 1172, 1263, 1322, 1429,
        1499, 1618, 1700, 1787, 1867, 1966, 2071, 2181, 2298, 2420,
    ]

    /// The largest version a certificate's code may use: 97 × 97 modules, about 0.31 mm per
    /// module on a 30 mm square.
    public static let maximumCertificateVersion = 20

    /// The most alphanumeric characters a certificate's code may hold (702).
    public static var certificateCapacity: Int { alphanumericLevelQ[maximumCertificateVersion - 1] }

    /// The smallest version whose level-Q alphanumeric capacity holds `characters`, or `nil`
    /// beyond version 40.
    public static func smallestVersion(alphanumericCharacters characters: Int) -> Int? {
        alphanumericLevelQ.firstIndex { $0 >= characters }.map { $0 + 1 }
    }

    /// `true` for the 45 characters of the alphanumeric mode (0–9, A–Z, space, $ % * + - . / :).
    public static func isAlphanumeric(_ text: String) -> Bool {
        text.utf8.allSatisfy { Base45.alphabet.contains($0) }
    }
}
