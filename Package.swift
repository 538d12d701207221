// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "ocop",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "ocop", targets: ["ocop"]),
        .executable(name: "ocop-print", targets: ["ocop-print"]),
        .library(name: "OCOPDomain", targets: ["OCOPDomain"]),
        .library(name: "OCOPRubrics", targets: ["OCOPRubrics"]),
        .library(name: "OCOPStore", targets: ["OCOPStore"]),
        .library(name: "OCOPModels", targets: ["OCOPModels"]),
        .library(name: "OCOPApp", targets: ["OCOPApp"]),
        .library(name: "OCOPCredentials", targets: ["OCOPCredentials"]),
        .library(name: "OCOPDocuments", targets: ["OCOPDocuments"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
        .package(url: "https://github.com/vapor/console-kit", from: "4.16.2"),
        .package(url: "https://github.com/swiftcsv/SwiftCSV", from: "0.10.0"),
        .package(url: "https://github.com/x-sheep/swift-property-based", from: "2.0.1"),
    ],
    targets: [
        // System library over libpq (apt: libpq-dev).
        .systemLibrary(
            name: "CLibPQ",
            pkgConfig: "libpq",
            providers: [.apt(["libpq-dev"])]
        ),
        .target(name: "Postgres", dependencies: ["CLibPQ"]),
        // System library over zlib (apt: zlib1g-dev): QR payload and status list compression.
        .systemLibrary(
            name: "CZlib",
            pkgConfig: "zlib",
            providers: [.apt(["zlib1g-dev"])]
        ),
        // System libraries for printing (apt: libcairo2-dev, libpango1.0-dev, libqrencode-dev).
        .systemLibrary(
            name: "CCairoPango",
            pkgConfig: "pangocairo",
            providers: [.apt(["libcairo2-dev", "libpango1.0-dev"])]
        ),
        .systemLibrary(
            name: "CQREncode",
            pkgConfig: "libqrencode",
            providers: [.apt(["libqrencode-dev"])]
        ),
        .target(name: "OCOPDomain"),
        // Read models and document models: plain values the application fills and front ends render.
        .target(name: "OCOPModels", dependencies: ["OCOPDomain"]),
        .target(
            name: "OCOPRubrics",
            dependencies: [
                "OCOPDomain",
                .product(name: "Yams", package: "Yams"),
                .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),
        .target(
            name: "OCOPStore",
            dependencies: [
                "Postgres", "OCOPDomain", "OCOPModels",
                .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),
        // Signed certificate payloads, issuer keys, trust lists, status lists.
        .target(
            name: "OCOPCredentials",
            dependencies: [
                "OCOPDomain", "CZlib",
                .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),
        // The one composition root and the use cases: what the CLI, the tests and a server call.
        .target(
            name: "OCOPApp",
            dependencies: [
                "OCOPDomain", "OCOPModels", "OCOPRubrics", "OCOPStore", "OCOPCredentials", "Postgres",
                .product(name: "SwiftCSV", package: "SwiftCSV"),
                .product(name: "Yams", package: "Yams"),
            ]
        ),
        .target(name: "OCOPDocuments", dependencies: ["OCOPModels", "OCOPDomain", "CCairoPango", "CQREncode"]),
        // The print helper: the only program that loads cairo and pango (OCOPApp's DocumentPrinter runs it).
        .executableTarget(name: "ocop-print", dependencies: ["OCOPDocuments", "OCOPModels"]),
        // The CLI parses, calls OCOPApp and prints; it links no printing library (ocop-print does).
        .executableTarget(
            name: "ocop",
            dependencies: [
                "OCOPApp", "OCOPModels", "OCOPDomain",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "ConsoleKitTerminal", package: "console-kit"),
            ]
        ),
        // Shared by the integration tests: one embedded cluster per test run, one database per suite.
        .target(name: "OCOPTestSupport", dependencies: ["OCOPApp", "OCOPStore", "OCOPDomain", "Postgres"], path: "Tests/OCOPTestSupport"),
        .testTarget(name: "PostgresTests", dependencies: ["Postgres", "OCOPTestSupport"]),
        .testTarget(
            name: "OCOPDomainTests",
            dependencies: [
                "OCOPDomain", "OCOPRubrics",
                .product(name: "PropertyBased", package: "swift-property-based"),
            ]
        ),
        .testTarget(
            name: "OCOPCredentialsTests",
            dependencies: [
                "OCOPCredentials", "OCOPDomain",
                .product(name: "PropertyBased", package: "swift-property-based"),
            ],
            exclude: ["Golden"]
        ),
        .testTarget(name: "OCOPRubricsTests", dependencies: ["OCOPRubrics", "OCOPDomain"], exclude: ["Fixtures"]),
        .testTarget(
            name: "OCOPStoreTests",
            dependencies: [
                "OCOPStore", "OCOPModels", "OCOPDomain", "OCOPRubrics", "OCOPApp", "Postgres", "OCOPTestSupport", "OCOPCredentials",
                .product(name: "PropertyBased", package: "swift-property-based"),
            ]
        ),
        .testTarget(name: "ocopCLITests", dependencies: ["OCOPTestSupport", "OCOPApp", "OCOPModels", "OCOPStore", "OCOPDomain", "OCOPRubrics", "Postgres", "OCOPCredentials"],
                    exclude: ["Golden", "Fixtures"]),
        .testTarget(
            name: "OCOPDocumentsTests",
            dependencies: ["OCOPDocuments", "OCOPModels", "OCOPDomain", "OCOPRubrics"],
            exclude: ["Golden"]
        ),
    ],
    swiftLanguageModes: [.v6]
)
