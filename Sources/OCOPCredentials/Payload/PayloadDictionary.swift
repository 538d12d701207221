/// The preset zlib dictionary of payload format 1 (RFC 1950 §2.2, FDICT): words that recur on
/// OCOP certificates (issuer and signer lines, producer kinds, address words, the 34 provinces,
/// product words, common names). Priming the compressor with them shortens a real certificate's
/// QR by about a quarter (measured on the seed recognitions: median 527 → 394 characters in the
/// URL form), which buys larger modules at the same printed size.
///
/// The dictionary is the UTF-8 of `phrases` joined by `|`, with nothing before or after. It is
/// part of format 1 forever: changing one byte is a new format version. docs/credentials.md
/// lists the same phrases (a test keeps the two equal). Most frequent phrases come last, where
/// zlib reaches them with the shortest distances.
public enum PayloadDictionary {
    public static let phrases: [String] = [
        // Products and processing
        "Mây tre đan", "Thổ cẩm", "Gốm", "Lụa", "Chiếu cói", "Nón lá", "Hương trầm",
        "Lạp xưởng", "Ruốc", "Nem chua", "Giò", "Chả", "Cốm", "Miến dong", "Bún", "Phở khô", "Bánh tráng",
        "Bánh đa", "Bánh chưng", "Bánh pía", "Kẹo dừa", "Kẹo lạc", "Mứt", "Ô mai", "Chuối", "Mít", "Ổi",
        "Nhãn", "Vải thiều", "Cam", "Quýt", "Chanh", "Bưởi", "Xoài", "Thanh long", "Sầu riêng", "Măng cụt",
        "Mận", "Hồng", "Dừa", "Bơ", "Lạc", "Vừng", "Đậu", "Ngô", "Khoai", "Sắn", "Măng", "Nấm", "Sâm",
        "Dược liệu", "Cao dược liệu", "Tinh dầu", "Quế", "Hồi", "Tiêu", "Gừng", "Tỏi", "Nghệ", "Sả",
        "Hạt điều", "Hạt mắc ca", "Ca cao", "Muối", "Giấm", "Tương", "Nước mắm", "Mắm", "Tôm", "Cá",
        "Mực", "Yến sào", "Sữa", "Trứng", "Thịt", "Bò", "Lợn", "Gà", "Vịt", "Dê", "Mật ong", "Rượu",
        "Gạo", "Nếp", "Bột", "Dầu", "Trà", "Chè", "Cà phê",
        " túi lọc", " đóng chai", " đóng hộp", " lên men", " hòa tan", " rang xay", " sấy dẻo", " sấy khô",
        " sấy", " khô", " tươi", " xanh", " đỏ", " trắng", " đen", " vàng", " thơm", " hạt", " bột",
        " nguyên chất", " hữu cơ", " đặc sản", " truyền thống", " cao cấp",
        // People
        "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô", "Dương", "Lý", "Đinh", "Lương",
        "Triệu", "Hà", "Mai", "Trương", "Đào", "Cao", "Lâm", "Tạ", "Chu", "Hoàng", "Phạm", "Lê", "Trần",
        "Nguyễn", " Hữu", " Đức", " Công", " Xuân", " Thu", " Thúy", " Ngọc", " Hồng", " Minh", " Quang",
        " Thanh", " Thành", " Tuấn", " Hùng", " Dũng", " Hải", " Hương", " Lan", " Phương", " Thảo", " Hoa",
        " Tâm", " Sơn", " Long", " Bình", " Anh", " Thị", " Văn",
        // The 34 provinces (NQ 202/2025/QH15)
        "Lai Châu", "Điện Biên", "Sơn La", "Lạng Sơn", "Cao Bằng", "Tuyên Quang", "Lào Cai", "Thái Nguyên",
        "Phú Thọ", "Bắc Ninh", "Hưng Yên", "Quảng Ninh", "Ninh Bình", "Thanh Hóa", "Nghệ An", "Hà Tĩnh",
        "Quảng Trị", "Quảng Ngãi", "Gia Lai", "Đắk Lắk", "Khánh Hòa", "Lâm Đồng", "Đồng Nai", "Tây Ninh",
        "Vĩnh Long", "Đồng Tháp", "An Giang", "Cà Mau", "Cần Thơ", "Đà Nẵng", "Huế", "Hải Phòng",
        "Hồ Chí Minh", "Hà Nội",
        // Producers
        "Doanh nghiệp tư nhân", "Hộ kinh doanh", "Cơ sở sản xuất", "Trang trại", "Tổ hợp tác",
        "Công ty Cổ phần", "Công ty TNHH MTV", "Công ty TNHH", "Một thành viên", "Xuất nhập khẩu",
        "Đầu tư", "Phát triển", "Công nghệ", "Du lịch", "Thủy sản", "Chăn nuôi", "Chế biến", "Thực phẩm",
        "Nông sản", "Sản xuất", "Thương mại", "Tổng hợp", "Dịch vụ", "Nông nghiệp", "HTX", "Hợp tác xã",
        // Addresses
        "Khu phố", "Tổ dân phố", "Xóm", "Bản", "Ấp", "Thôn", "Số", "Đường", ", đặc khu", ", thị trấn",
        ", huyện", ", phường", ", xã", ", Thành phố", ", thành phố", ", tỉnh",
        // Issuers, signers, decisions
        "Bộ Nông nghiệp và Môi trường", "BỘ NÔNG NGHIỆP VÀ MÔI TRƯỜNG", "KT. BỘ TRƯỞNG", "THỨ TRƯỞNG",
        "BỘ TRƯỞNG", "/QĐ-BNNMT", "TM. ỦY BAN NHÂN DÂN", "ỦY BAN NHÂN DÂN", "Ủy ban nhân dân thành phố",
        "Ủy ban nhân dân tỉnh", "TP.", "THƯỜNG TRỰC", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "CHỦ TỊCH", "/QĐ-UBND",
    ]

    /// The dictionary bytes: `phrases` joined by `|`.
    public static let bytes: [UInt8] = Array(phrases.joined(separator: "|").utf8)
}
