import OCOPDomain

/// The on-disk shape of `scoring/<version>/set-NN.yaml` (see scoring/README.md).
struct SetFile: Decodable {
    struct Disqualification: Decodable { let lead: String; let clause: String }
    struct Part: Decodable {
        let code: String
        let title: String
        let max: Int
        let printedMax: String?
        let sourceNote: String?
        let groups: [Node]
    }
    struct Condition: Decodable { let criterion: String; let minPoints: Int; let text: String }
    struct KnockOut: Decodable { let kind: String; let text: String }
    struct Option: Decodable {
        let text: String
        let points: Int
        let minStars: Int?
        let variant: Int?
        let printedPoints: String?
        let sourceNote: String?
        let note: String?
    }
    final class Node: Decodable {
        let code: String
        let title: String
        let max: Int
        let printedMax: String?
        let sourceNote: String?
        let yesNo: Bool?
        let notes: [String]?
        let condition: Condition?
        let knockOut: KnockOut?
        let variantNote: String?
        let variants: [Int: String]?
        let options: [Option]?
        let criteria: [Node]?
        let subcriteria: [Node]?
        var children: [Node] { criteria ?? subcriteria ?? [] }
    }
    let set: Int
    let title: String
    let category: String
    let group: String?
    let disqualification: Disqualification?
    let parts: [Part]
}

/// The on-disk shape of `scoring/<version>/version.yaml`.
struct VersionFile: Decodable {
    struct Part: Decodable { let code: String; let title: String; let max: Int }
    struct Band: Decodable { let stars: Int; let minPoints: Int; let text: String? }
    struct Transition: Decodable { let rules: [String]? }
    let id: String
    let decree: String
    let title: String
    let signedOn: String
    let effectiveFrom: String
    let replaces: [String]?
    let amendedBy: [String]?
    let tables: Bool
    let parts: [Part]
    let bands: [Band]
    let recognisedFromStars: Int?
    let centralFromStars: Int?
    let transition: Transition?
    let sourceNotes: [String]?
}
