import Foundation
import OCOPDomain
import OCOPRubrics
import Testing

@Suite struct EffortFileTests {
    let catalog: RubricCatalog
    let sets: [ProductSet]

    init() throws {
        catalog = try RubricCatalog.load(from: scoring)
        sets = try catalog.version(.qd26_2026).sets
    }

    func issues(_ text: String) -> [EffortIssue] {
        do {
            _ = try EffortFile.load(text, file: "test.yaml", sets: sets)
            return []
        } catch {
            return error.issues
        }
    }

    @Test func shippedDefaultLoadsAndValidatesAgainstAllSets() throws {
        let url = scoring.appendingPathComponent("effort/default.yaml")
        let table = try EffortFile.load(from: url, catalog: catalog)
        #expect(table.version == .qd26_2026 && table.stepCost == 1 && table.entries.count > 60)
        #expect(try EffortFile.bundled(scoring: scoring, catalog: catalog) == table)
        for set in sets {
            #expect(table.entry(for: "3.2", inSet: set.number)?.actionable == false, "bộ \(set.number)")
            let covered = set.scorableCriteria.filter { table.entry(for: $0.code, inSet: set.number) != nil }
            #expect(covered.count >= 11, "bộ \(set.number): \(covered.count)")
        }
        let set1 = sets[0]
        func evidence(_ code: String, _ points: Int, set: ProductSet = sets[0]) -> LocalizedText? {
            table.effort(for: set.criterion(code)!, inSet: set.number).evidence(for: points)
        }
        #expect(evidence("10", 3)?.vi.contains("ISO 22000, HACCP") == true)
        #expect(evidence("3.5", 2)?.vi.contains("Giấy chứng nhận đăng ký nhãn hiệu") == true)
        #expect(evidence("5.1", 5)?.vi.contains("truy xuất nguồn gốc điện tử") == true)
        #expect(evidence("2.4", 1)?.en.contains("bilingual") == true)
        // Criterion 10 of Bộ 2 is "Hướng dẫn sử dụng", not "Đảm bảo chất lượng".
        #expect(evidence("10", 2, set: sets[1])?.vi.contains("Hướng dẫn sử dụng") == true)
        #expect(table.effort(for: set1.criterion("3.1")!, inSet: 1).stepCost(reaching: 3) == 3)
        // Tourism: the site's location is not something to improve.
        #expect(table.entry(for: "6", inSet: 26)?.actionable == false)
        for entry in table.entries {
            for option in entry.options {
                if let e = option.evidence { #expect(!e.vi.isEmpty && !e.en.isEmpty && e.vi != e.en) }
            }
        }
    }

    @Test func missingCriteriaCostOneStepAndHaveNoEvidence() throws {
        let table = try EffortFile.load("version: qd26-2026\ncriteria: []\n", file: "empty.yaml", sets: sets)
        #expect(table == EffortTable(version: .qd26_2026))
        let effort = table.effort(for: sets[0].criterion("10")!, inSet: 1)
        #expect(effort.isActionable && effort.stepCost(reaching: 5) == 1 && effort.evidence(for: 5) == nil)
        let two = try EffortFile.load("stepCost: 2\n", file: "two.yaml", sets: sets)
        #expect(two.effort(for: sets[0].criterion("1.1")!, inSet: 1).stepCost(reaching: 3) == 2)
    }

    @Test func entriesAndRangesAreRead() throws {
        let text = """
        version: qd26-2026
        stepCost: 1
        criteria:
          - code: "3.3"
            sets: [1-3, 5]
            title: lao động
            stepCost: 2
            options:
              3:
                cost: 4
                evidence: {vi: "Danh sách lao động", en: "Staff list"}
          - code: "3.3"
            stepCost: 5
        """
        let table = try EffortFile.load(text, file: "t.yaml", sets: sets)
        #expect(table.entries[0].sets == [1, 2, 3, 5] && table.entries[0].line == 4 && table.entries[0].options[0].line == 9)
        let c = sets[0].criterion("3.3")!
        #expect(table.effort(for: c, inSet: 1).stepCost(reaching: 2) == 2)
        #expect(table.effort(for: c, inSet: 1).stepCost(reaching: 3) == 4)
        // Set 4 is not named: the entry without sets applies.
        #expect(table.effort(for: c, inSet: 4).stepCost(reaching: 2) == 5)
    }

    @Test func unknownCodeNamesTheLine() {
        let found = issues("""
        criteria:
          - code: "3.2"
            actionable: false
          - code: "99.9"
            stepCost: 1
        """)
        #expect(found.count == 1)
        #expect(found.first?.line == 4)
        #expect(found.first?.text(.vi) == "test.yaml:4: tiêu chí 99.9 không có trong bộ tiêu chí nào")
        #expect(found.first?.text(.en) == "test.yaml:4: criterion 99.9 is on no scoring sheet")
    }

    @Test func negativeCostsAreRefused() {
        let found = issues("""
        stepCost: -1
        criteria:
          - code: "3.3"
            options:
              2: {cost: -3}
        """)
        #expect(found.map(\.line) == [1, 5])
        #expect(found[0].text(.en) == "test.yaml:1: stepCost = -1 is negative (must be ≥ 0)")
        #expect(found[1].text(.vi) == "test.yaml:5: cost = -3 âm (phải ≥ 0)")
        // Built in code, the domain check says the same.
        let table = EffortTable(entries: [EffortEntry(code: "3.3", stepCost: -2)])
        #expect(table.problems(against: sets).map { $0.message(.en) } == ["criterion 3.3: cost -2 is negative (must be ≥ 0)"])
    }

    @Test func badYAMLIsReportedWithItsLine() {
        let found = issues("criteria:\n  - code: \"3.3\"\n    options: {2: [\n")
        #expect(found.count == 1)
        #expect(found[0].message.vi.hasPrefix("YAML không hợp lệ: "))
        #expect(found[0].line != nil)
        let notMapping = issues("- 1\n- 2\n")
        #expect(notMapping.map { $0.message.en } == ["the file must be a mapping (version, stepCost, criteria)"])
    }

    @Test func optionsMustExistInEverySetTheEntryGoverns() {
        // Criterion 10 is "Đảm bảo chất lượng" (1, 3, 5) in Bộ 1 but "Hướng dẫn sử dụng" (1, 2) in Bộ 2.
        let found = issues("""
        criteria:
          - code: "10"
            sets: [1, 2]
            title: Đảm bảo chất lượng
            options:
              3:
                evidence: {vi: "ISO 22000", en: "ISO 22000"}
        """)
        #expect(found.map { $0.text(.en) } == [
            "test.yaml:2: set 2, criterion 10 is «HƯỚNG DẪN SỬ DỤNG ĐỂ ĐẢM BẢO SẢN PHẨM CÓ CHẤT LƯỢNG TỐT NHẤT CHO NGƯỜI TIÊU DÙNG», which does not contain «Đảm bảo chất lượng»",
            "test.yaml:6: set 2, criterion 10: no option worth 3 points (options: 1, 2)",
        ])
    }

    @Test func everyOtherMistakeIsNamed() {
        let found = issues("""
        version: qd26-2026
        criteria:
          - code: "3.2"
          - code: "3.2"
          - code: "6"
            sets: [11, 27]
          - code: "1.1"
            cosst: 2
          - code: "5.1"
            options:
              5:
                evidence: {vi: "chỉ tiếng Việt"}
          - sets: [1]
          - code: "4.1"
            actionable: maybe
        """)
        let en = found.map { $0.text(.en) }
        #expect(en.contains("test.yaml:8: unknown key «cosst» (use: code, sets, title, actionable, reason, stepCost, options)"))
        #expect(en.contains("test.yaml:12: evidence needs both Vietnamese (vi) and English (en)"))
        #expect(en.contains("test.yaml:13: code is missing (a criterion code such as \"3.2\")"))
        #expect(en.contains("test.yaml:15: actionable must be true or false"))
        // Structural problems stop before the check against the sets.
        #expect(!en.contains { $0.contains("given twice") })

        let checked = issues("""
        criteria:
          - code: "3.2"
          - code: "3.2"
          - code: "6"
            sets: [11, 27]
        """)
        #expect(checked.map { $0.text(.en) } == [
            "test.yaml:3: criterion 3.2 is given twice (every set) (first at line 2)",
            "test.yaml:4: set 11: 6 is a heading; use its sub-criteria 6.1.1, 6.1.2, 6.2.1, 6.2.2, 6.2.3",
            "test.yaml:4: criterion 6: there is no product set 27 (1–26)",
        ])
        let version = issues("version: qd148-2023\n")
        #expect(version.map { $0.text(.en) } == ["test.yaml: the effort table is for qd148-2023, but the rubric is qd26-2026"])
    }

    @Test func errorMessageListsEveryIssue() {
        let error = EffortFileError(issues: [
            EffortIssue(file: "a.yaml", line: 3, message: LocalizedText(vi: "sai", en: "wrong")),
            EffortIssue(file: "a.yaml", line: nil, message: LocalizedText(vi: "thiếu", en: "missing")),
        ])
        #expect(error.message(.vi) == "Bảng công sức không hợp lệ, 2 lỗi:\n  - a.yaml:3: sai\n  - a.yaml: thiếu")
        #expect(error.message(.en) == "Invalid effort table, 2 problems:\n  - a.yaml:3: wrong\n  - a.yaml: missing")
        #expect(error.kind == .invalidInput)
    }
}
