import Foundation
import OCOPDomain
import OCOPRubrics
import Testing

/// The rubric's content is frozen on every dossier by its hash: a change of a set's content, or
/// of how it is encoded, must be deliberate. These hashes pin QĐ 26/2026 as shipped.
@Suite struct RubricHashPinTests {
    static let pinned: [Int: String] = [
        1: "981f66f49c88b6b40fcc9c42fd562d16bd4e10323b6ceada236a1cff9a5fe645",
        2: "30f58fe69d44cbb4267a6258014fe7304c360867e5c8150e77f45f6e0dcedd2e",
        3: "0a1a91cee1ad10ca49e4ca4b749af8a740d293bc6836258ac8059e5033f23dc8",
        4: "6ca928379d555d5cb297671f50a354faa3db7acaf0cbea745ab2dc2677ae823c",
        5: "4b1f45085f025ae6e09ecf0feb13156902c2108df16850357bef17200eb5e83c",
        6: "1a137dba6c87f263bfa8718e627d5e7e004e3662dd2d9d5919d10be718c914ea",
        7: "d4253836c3baf0def68b96b9deea87b8a78de851c5f15f7adcd4ad150858f9a5",
        8: "b44255eedfae85eeff010dff46fb62bf3145878f498dbe66b9b2e64d6bbdfb7e",
        9: "f0e879aa1fcbdbb27cb4b4aa9adf9387d36f2bf29b5700600d9a6522907207ed",
        10: "237b6214e3b54662ba23d49b0a512f69785c88c0976b5061afee1dd891eda0d0",
        11: "67ad9ade3e8bca0f6c20fb3e6f95c9314288cad987696525ad4535d2f1f50984",
        12: "77d559d8a172f6fd3650a7451b81ecb51e9a37319075439c84b8d093500e9a90",
        13: "8a5736209f169fbf1163c5cc8aa4e4e69ac341c1a1c556e4c3ea52109926f200",
        14: "da8243d48232319d749639bd8750cdcc7bbeeb44436922383619169cef68d827",
        15: "ff7eabf4779e4a435542570dfcb106ecf2e81e795b845200f70816386dcb3a26",
        16: "6f41cf9a7bafb8f467da22a8d0fd5bec2ac88d71737ec56e5cee9df4da539842",
        17: "4d1d81b61f098959f2ee619965d82562a9996d81857c01ce4acffe5691e80cf6",
        18: "a9908e2bf9c7747cc3cf0abc21c65de848bc167995e0abd0b16ab9813c066ad5",
        19: "826a714cfc57a2e142363e899aa008eec7995569735c35ab01965372d186e36a",
        20: "4dfe5decbd2748e9fa26ca09cc4a22dc8d6d57f04b1e9a51982f5d17311e5598",
        21: "69c0675588d10a800655db3eba0b33784c6a670e2b6fb256289bb767d19ebe0a",
        22: "d11d034a89571c4f374406b85bf2c82b1b9e3f4331ec4607af1a0fd048dad1a4",
        23: "43a7198a281ebbb446883ca92abe90230f459437d8865679480f41707d2a8f0b",
        24: "7379ab59452e150bd047391b51a2f390844729d7381a607d257df77a389c7525",
        25: "cbe1c269ed885ff2f861250231f2afa01107405b43a0b0104ccc89ea36df63ab",
        26: "14e957ac24464a93a2f1b282189b93fe99bd85d4dbe037ee879bf04fd4a16a61",
    ]

    @Test func everySetHasItsPinnedHash() throws {
        let version = try RubricCatalog.load(from: scoring).version(.qd26_2026)
        #expect(version.setHashes.count == 26)
        for (number, hash) in Self.pinned.sorted(by: { $0.key < $1.key }) {
            #expect(version.setHashes[number] == hash, "bộ \(number): the content or its canonical encoding changed")
        }
    }

    /// A snapshot as an earlier version stored it (the database's `rubric_set_snapshot.content`)
    /// still decodes to the same set, and hashes to what the dossiers froze.
    @Test func aSnapshotWrittenByAnEarlierVersionStillDecodes() throws {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/qd26-2026-set-01.snapshot.json")
        let stored = try Data(contentsOf: url)
        let decoded = try JSONDecoder().decode(ProductSet.self, from: stored)
        #expect(decoded == (try RubricCatalog.load(from: scoring).productSet(1)))
        #expect(RubricHash.sha256Hex(stored) == Self.pinned[1])
        #expect(RubricHash.canonicalJSON(decoded) == stored, "encoding it again gives the same bytes")
    }
}
