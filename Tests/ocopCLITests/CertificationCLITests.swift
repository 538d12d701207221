import Foundation
import OCOPTestSupport
import Testing

/// The lifecycle commands as a user meets them on the demo world: refusals with clear messages
/// and distinct exit codes (65 bad input, 66 not found, 73 already recorded). Every command here
/// is refused, so the shared world is not changed.
@Suite struct CertificationCLITests {
    func refused(_ arguments: [String], status: Int32, contains: [String], sourceLocation: SourceLocation = #_sourceLocation) throws {
        let (env, _) = try GoldenTests.demoWorld.get()
        let result = try runOCOP(arguments, environment: env)
        #expect(result.status == status, "ocop \(arguments.joined(separator: " ")): \(result.status) \(result.err)", sourceLocation: sourceLocation)
        #expect(result.out.isEmpty, sourceLocation: sourceLocation)
        for text in contains { #expect(result.err.contains(text), "\(result.err)", sourceLocation: sourceLocation) }
    }

    let signer = ["--signer-name", "Lê Minh Khoa", "--signer-title", "PHÓ CHỦ TỊCH"]

    @Test func decisions() throws {
        try refused(["decision", "draft", "--authority", "24", "--date", "2026-12-05"], status: 65,
                    contains: ["Ngày quyết định 05/12/2026 sau ngày hôm nay (04/12/2026)"])
        try refused(["decision", "issue", "--authority", "24", "--number", "1700/QĐ-UBND", "--date", "2026-12-02", "--dossier", "HS-2026-0001"] + signer,
                    status: 65, contains: ["Hồ sơ HS-2026-0001 đã có quyết định 1523/QĐ-UBND"])
        try refused(["decision", "issue", "--authority", "24", "--number", "1700/QĐ-UBND", "--date", "2026-12-02", "--lang", "en"] + signer,
                    status: 65, contains: ["No dossier awaits a decision"])
        try refused(["decision", "issue", "--authority", "24", "--number", "17/qđ-ubnd", "--date", "2026-12-02"] + signer,
                    status: 65, contains: ["Số quyết định «17/qđ-ubnd» không hợp lệ"])
        try refused(["decision", "draft", "--authority", "99X"], status: 65, contains: ["--authority"])
        try refused(["decision", "show", "999/QĐ-UBND"], status: 66, contains: ["Không tìm thấy quyết định 999/QĐ-UBND."])
        try refused(["decision", "notice", "HS-2026-0001", "--number", "1/TB-SNNMT", "--date", "2026-12-01"] + signer, status: 65,
                    contains: ["không chờ quyết định công nhận"])
    }

    @Test func certificates() throws {
        try refused(["certificate", "revoke", "GCN-24-2024-0004", "--ground", "b", "--finding", "x", "--finding-date", "2026-11-20",
                     "--authority", "24", "--number", "1701/QĐ-UBND", "--date", "2026-12-02"] + signer,
                    status: 73, contains: ["Giấy chứng nhận GCN-24-2024-0004 đã bị thu hồi theo Quyết định số 1650/QĐ-UBND ngày 01/12/2026."])
        try refused(["certificate", "revoke", "GCN-BNNMT-2026-0001", "--ground", "đ", "--finding", "x", "--finding-date", "2026-11-30",
                     "--authority", "24", "--number", "1701/QĐ-UBND", "--date", "2026-12-02", "--lang", "en"] + signer,
                    status: 65, contains: ["may not revoke certificate GCN-BNNMT-2026-0001 (5★): that is for the Minister of Agriculture and Environment (Art. 8.2)"])
        try refused(["certificate", "show", "GCN-24-2099-0001"], status: 66, contains: ["Không tìm thấy giấy chứng nhận GCN-24-2099-0001."])
        try refused(["certificate", "show", "24-2026-1"], status: 65, contains: ["GCN-<mã tỉnh hoặc BNNMT>-<năm>-<số thứ tự>"])
        try refused(["certificate", "list", "--status", "bogus"], status: 65, contains: ["Tùy chọn liên quan: --status"])
        try refused(["certificate", "list", "--stars", "6"], status: 65, contains: ["giấy chứng nhận có hạng 3, 4 hoặc 5 sao", "Tùy chọn liên quan: --stars"])
        try refused(["product", "list", "--set", "99"], status: 65, contains: ["bộ sản phẩm phải từ 1 đến 26", "Tùy chọn liên quan: --set"])
        // An error points to an option only where the command has it: a certificate, a dossier
        // or a session given as an argument is named in the message, with no option to look for.
        for arguments in [["certificate", "show", "24-2026-1"], ["dossier", "status", "HS-1"], ["council", "session", "status", "PH-1", "--lang", "en"]] {
            let result = try runOCOP(arguments, environment: try GoldenTests.demoWorld.get().0)
            #expect(result.status == 65 && !result.err.contains("--") && !result.err.contains("Tùy chọn liên quan") && !result.err.contains("See option"),
                    "ocop \(arguments.joined(separator: " ")): \(result.err)")
        }
        try refused(["certificate", "audit", "GCN-24-2026-0001", "--kind", "periodic", "--date", "2026-12-01", "--unmet", "không có dấu hai chấm"],
                    status: 65, contains: ["\"mã tiêu chí: nội dung\""])
    }

    @Test func filingAndSessions() throws {
        // Rượu làng Vân holds a 5★ certificate in force: no first evaluation, no upgrade.
        try refused(["dossier", "open", "--product", "24-07804-001-2020", "--kind", "lan_dau", "--filed-on", "2026-12-01"], status: 65,
                    contains: ["Không thể đăng ký đánh giá lần đầu cho sản phẩm 24-07804-001-2020", "GCN-BNNMT-2026-0001"])
        try refused(["dossier", "open", "--product", "24-07804-001-2020", "--kind", "nang_hang", "--target-stars", "5", "--filed-on", "2026-12-01", "--lang", "en"],
                    status: 65, contains: ["is already 5★ (certificate GCN-BNNMT-2026-0001): there is no higher level."])
        try refused(["dossier", "open", "--product", "24-07804-001-2020", "--kind", "danh_gia_lai", "--filed-on", "2026-12-01"], status: 65,
                    contains: ["Chưa đến thời hạn nộp hồ sơ đánh giá lại", "từ ngày 24/05/2029 đến ngày 23/07/2029"])
        try refused(["dossier", "open", "--product", "24-07804-001-2020", "--kind", "danh_gia_lai", "--filed-on", "2026-12-24"], status: 65,
                    contains: ["sau ngày hôm nay"])
        try refused(["dossier", "open", "--product", "24-07249-001-2020", "--round", "4"], status: 65, contains: ["Không có đợt đánh giá cấp tỉnh số 4 năm 2027"])
        try refused(["council", "session", "open", "--council", "BN-HD-2026", "--date", "2026-12-03", "--dossier", "HS-2026-0006", "--mode", "written-opinions"],
                    status: 65, contains: ["Lấy ý kiến bằng văn bản chỉ dành cho hồ sơ đánh giá lại", "--mode"])
        try refused(["council", "session", "convene", "PH-2026-001", "--date", "2026-12-03", "--reason", "x"], status: 65,
                    contains: ["là cuộc họp trực tiếp"])
        try refused(["calendar", "add", "--year", "2026", "--number", "2", "--filing-deadline", "2026-08-31", "--evaluation-deadline", "2026-09-30",
                     "--basis", "Quy chế"], status: 65, contains: ["đợt bổ sung được đánh số từ 3"])
    }
}
