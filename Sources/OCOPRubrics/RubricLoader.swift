import Foundation
import OCOPDomain
import Yams

/// Reads `scoring/` into the domain model and runs the structural checks of `RubricValidator`.
enum RubricLoader {
    static func loadAll(from directory: URL, issues: inout [RubricIssue]) -> [RubricVersionID: LoadedRubricVersion] {
        let fm = FileManager.default
        guard let entries = try? fm.contentsOfDirectory(atPath: directory.path) else {
            issues.append(RubricIssue(file: directory.path, message: "không đọc được thư mục / cannot read directory"))
            return [:]
        }
        var result: [RubricVersionID: LoadedRubricVersion] = [:]
        for name in entries.sorted() {
            let dir = directory.appendingPathComponent(name, isDirectory: true)
            let versionURL = dir.appendingPathComponent("version.yaml")
            guard fm.fileExists(atPath: versionURL.path) else { continue }
            if let loaded = loadVersion(dir, issues: &issues) { result[loaded.version.id] = loaded }
        }
        if result.isEmpty && issues.isEmpty {
            issues.append(RubricIssue(file: directory.path, message: "không có phiên bản nào (version.yaml) / no version found"))
        }
        return result
    }

    static func decode<T: Decodable>(_ type: T.Type, _ url: URL, display: String, issues: inout [RubricIssue]) -> T? {
        do {
            let text = try String(contentsOf: url, encoding: .utf8)
            return try YAMLDecoder().decode(T.self, from: text.precomposedStringWithCanonicalMapping)
        } catch {
            issues.append(RubricIssue(file: display, message: "YAML: \(error)"))
            return nil
        }
    }

    static func loadVersion(_ dir: URL, issues: inout [RubricIssue]) -> LoadedRubricVersion? {
        let folder = dir.lastPathComponent
        let versionDisplay = "\(folder)/version.yaml"
        guard let file = decode(VersionFile.self, dir.appendingPathComponent("version.yaml"), display: versionDisplay,
                                issues: &issues) else { return nil }
        var partMaxima: [PartCode: Int] = [:]
        for p in file.parts {
            guard let code = PartCode(rawValue: p.code) else {
                issues.append(RubricIssue(file: versionDisplay, code: p.code, message: "phần không hợp lệ / bad part"))
                continue
            }
            partMaxima[code] = p.max
        }
        if file.id != folder {
            issues.append(RubricIssue(file: versionDisplay, message: "id \(file.id) khác tên thư mục \(folder) / id differs from folder"))
        }
        let version = RubricVersion(
            id: RubricVersionID(file.id), decree: file.decree, title: file.title, signedOn: file.signedOn,
            effectiveFrom: file.effectiveFrom, replaces: (file.replaces ?? []).map { RubricVersionID($0) },
            amendedBy: file.amendedBy ?? [], hasTables: file.tables, partMaxima: partMaxima,
            bands: file.bands.map { StarBand(stars: $0.stars, minPoints: $0.minPoints, text: $0.text) },
            recognisedFromStars: file.recognisedFromStars ?? 3, centralFromStars: file.centralFromStars ?? 5,
            transitionRules: file.transition?.rules ?? [], sourceNotes: file.sourceNotes ?? [])
        issues += RubricValidator.check(version, file: versionDisplay)

        var sets: [ProductSet] = []
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: dir.path)) ?? [])
            .filter { $0.hasPrefix("set-") && $0.hasSuffix(".yaml") }.sorted()
        if !file.tables, !names.isEmpty {
            issues.append(RubricIssue(file: versionDisplay, message: "tables: false nhưng có tệp set-*.yaml / tables: false but set files exist"))
        }
        for name in names where file.tables {
            let display = "\(folder)/\(name)"
            guard let setFile = decode(SetFile.self, dir.appendingPathComponent(name), display: display, issues: &issues)
            else { continue }
            let (set, convIssues) = convert(setFile, version: version, display: display)
            issues += convIssues
            issues += RubricValidator.check(set, version: version, file: display)
            sets.append(set)
        }
        if file.tables {
            let numbers = sets.map(\.number)
            if Set(numbers).count != numbers.count {
                issues.append(RubricIssue(file: versionDisplay, message: "số bộ bị trùng / duplicate set numbers"))
            }
            if sets.isEmpty {
                issues.append(RubricIssue(file: versionDisplay, message: "tables: true nhưng không có bộ nào / no set files"))
            }
        }
        sets.sort { $0.number < $1.number }
        var hashes: [Int: String] = [:]
        for set in sets { hashes[set.number] = RubricHash.hash(set) }
        return LoadedRubricVersion(version: version, sets: sets, setHashes: hashes,
                                   contentHash: RubricHash.hash(version, setHashes: hashes))
    }

    static func convert(_ file: SetFile, version: RubricVersion, display: String) -> (ProductSet, [RubricIssue]) {
        var issues: [RubricIssue] = []
        func node(_ n: SetFile.Node, part: PartCode) -> Criterion {
            var options = (n.options ?? []).map {
                RubricOption(text: $0.text, points: $0.points, minStars: $0.minStars, variant: $0.variant,
                             printedPoints: $0.printedPoints, sourceNote: $0.sourceNote, note: $0.note)
            }
            if n.yesNo == true {
                if !options.isEmpty {
                    issues.append(RubricIssue(file: display, set: file.set, code: n.code,
                                              message: "yesNo kèm phương án / yesNo item lists options"))
                }
                // The decree lists no options: meeting the item gives its maximum.
                options = [RubricOption(text: "Đạt", points: n.max, isSynthesized: true)]
            }
            let kind = n.knockOut.flatMap { KnockOutClause.Kind(rawValue: $0.kind) }
            if let k = n.knockOut, kind == nil {
                issues.append(RubricIssue(file: display, set: file.set, code: n.code, message: "knockOut.kind \(k.kind) không hợp lệ"))
            }
            return Criterion(
                code: n.code, title: n.title, part: part, max: n.max, printedMax: n.printedMax, sourceNote: n.sourceNote,
                notes: n.notes ?? [], isYesNo: n.yesNo ?? false,
                condition: n.condition.map { CriterionCondition(criterion: $0.criterion, minPoints: $0.minPoints, text: $0.text) },
                knockOut: n.knockOut.flatMap { k in kind.map { KnockOutClause(kind: $0, text: k.text) } },
                variantNote: n.variantNote,
                variants: (n.variants ?? [:]).sorted { $0.key < $1.key }.map { TourismVariant(number: $0.key, label: $0.value) },
                options: options, children: n.children.map { node($0, part: part) })
        }
        var parts: [RubricPart] = []
        for p in file.parts {
            guard let code = PartCode(rawValue: p.code) else {
                issues.append(RubricIssue(file: display, set: file.set, code: p.code, message: "phần không hợp lệ / bad part"))
                continue
            }
            parts.append(RubricPart(code: code, title: p.title, max: p.max, printedMax: p.printedMax,
                                    sourceNote: p.sourceNote, groups: p.groups.map { node($0, part: code) }))
        }
        let set = ProductSet(
            version: version.id, number: file.set, title: file.title, category: file.category, group: file.group,
            disqualification: file.disqualification.map { DisqualificationClause(lead: $0.lead, clause: $0.clause) },
            parts: parts, bands: version.bands)
        return (set, issues)
    }
}
