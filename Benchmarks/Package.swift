// swift-tools-version: 6.1
import PackageDescription

// Benchmarks live in their own package so the root build never compiles them.
let package = Package(
    name: "OCOPBenchmarks",
    platforms: [.macOS(.v14)],
    dependencies: [.package(path: "..")],
    targets: [
        .executableTarget(
            name: "RatingBenchmark",
            dependencies: [
                .product(name: "OCOPDomain", package: "main"),
                .product(name: "OCOPRubrics", package: "main"),
            ]
        ),
        .executableTarget(
            name: "DocumentBenchmark",
            dependencies: [
                .product(name: "OCOPDocuments", package: "main"),
                .product(name: "OCOPModels", package: "main"),
                .product(name: "OCOPDomain", package: "main"),
            ]
        ),
    ],
    swiftLanguageModes: [.v6]
)
