// swift-tools-version: 6.1
import PackageDescription

// Benchmarks live in their own package so the root build never compiles them. A path package's
// identity is the name of its folder, and checkouts are named anything (a worktree "benchmarks"
// would even clash with this package): scripts/bench-rating.sh points OCOP_PACKAGE_ROOT at a link
// named "ocop".
let root = Context.environment["OCOP_PACKAGE_ROOT"] ?? ".."

let package = Package(
    name: "OCOPBenchmarks",
    platforms: [.macOS(.v14)],
    dependencies: [.package(path: root)],
    targets: [
        .executableTarget(
            name: "RatingBenchmark",
            dependencies: [
                .product(name: "OCOPDomain", package: "ocop"),
                .product(name: "OCOPRubrics", package: "ocop"),
            ]
        ),
        .executableTarget(
            name: "DocumentBenchmark",
            dependencies: [
                .product(name: "OCOPDocuments", package: "ocop"),
                .product(name: "OCOPModels", package: "ocop"),
                .product(name: "OCOPDomain", package: "ocop"),
            ]
        ),
    ],
    swiftLanguageModes: [.v6]
)
