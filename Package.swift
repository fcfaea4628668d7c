// swift-tools-version: 6.2
import PackageDescription

let package = Package(
    name: "ddx",
    platforms: [.macOS(.v15)],  // Synchronization.Mutex
    products: [
        .executable(name: "ddx", targets: ["ddx"])
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.0.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.6.0"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.0.0"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
    ],
    targets: [
        .target(name: "Ontology"),
        .target(
            name: "Knowledge",
            dependencies: [
                "Ontology",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .target(name: "Clinical", dependencies: ["Ontology"]),
        .target(name: "BinaryFormat"),
        .target(name: "ConceptRecognition", dependencies: ["Ontology", "Clinical", "BinaryFormat"]),
        .target(name: "Ranking", dependencies: ["Knowledge", "Clinical", "Ontology", "FastFeedforward", "Statistics"]),
        .target(name: "Statistics"),
        .target(name: "FastFeedforward", dependencies: ["Statistics", "BinaryFormat"]),
        .target(name: "Service", dependencies: ["Ranking", "Knowledge", "Clinical", "Ontology", "ConceptRecognition"]),
        .target(
            name: "Server",
            dependencies: [
                "Service", "Clinical", "Ranking", "Knowledge", "Ontology", "Statistics",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),
        .target(
            name: "Evaluation",
            dependencies: [
                "Ranking", "Knowledge", "Clinical", "Statistics", .product(name: "GRDB", package: "GRDB.swift"),
            ]),
        .executableTarget(
            name: "ddx",
            dependencies: [
                "Ontology", "Knowledge", "Clinical", "Ranking", "Evaluation", "Statistics", "FastFeedforward",
                "Service", "ConceptRecognition", "Server",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .target(name: "TestFixtures", dependencies: ["Knowledge", "Ontology"], path: "Tests/TestFixtures"),
        .testTarget(name: "OntologyTests", dependencies: ["Ontology", "TestFixtures"]),
        .testTarget(name: "KnowledgeTests", dependencies: ["Knowledge", "Ontology", "TestFixtures"]),
        .testTarget(name: "ClinicalTests", dependencies: ["Clinical", "Ontology", "Statistics"]),
        .testTarget(
            name: "RankingTests",
            dependencies: ["Ranking", "Knowledge", "Clinical", "Ontology", "TestFixtures", "Statistics"]),
        .testTarget(
            name: "ConceptRecognitionTests",
            dependencies: ["ConceptRecognition", "Ontology", "Clinical", "TestFixtures", "BinaryFormat"]),
        .testTarget(name: "StatisticsTests", dependencies: ["Statistics"]),
        .testTarget(
            name: "ServiceTests",
            dependencies: [
                "Service", "Ranking", "Clinical", "Knowledge", "Ontology", "ConceptRecognition", "TestFixtures",
            ]),
        .testTarget(name: "BinaryFormatTests", dependencies: ["BinaryFormat"]),
        .testTarget(name: "FastFeedforwardTests", dependencies: ["FastFeedforward", "Statistics", "BinaryFormat"]),
        .testTarget(
            name: "EvaluationTests",
            dependencies: ["Evaluation", "Ranking", "Clinical", "Statistics", "Knowledge", "TestFixtures"]),
        .testTarget(
            name: "ServerTests",
            dependencies: [
                "Server", "Service", "Ranking", "Clinical", "Knowledge", "Ontology", "TestFixtures",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOEmbedded", package: "swift-nio"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .testTarget(
            name: "IntegrationTests",
            dependencies: [
                "Evaluation", "Ranking", "Knowledge", "Clinical", "Ontology", "ConceptRecognition", "Service",
            ]
        ),
    ]
)
