// swift-tools-version:6.2
import PackageDescription

let upcoming: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("InternalImportsByDefault"),
]

let package = Package(
    name: "aftercart",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "aftercart", targets: ["aftercart"]),
        .executable(name: "aftercart-mock", targets: ["aftercart-mock"]),
        .library(name: "AftercartModel", targets: ["AftercartModel"]),
        .library(name: "AftercartConnector", targets: ["AftercartConnector"]),
        .library(name: "AftercartStore", targets: ["AftercartStore"]),
        .library(name: "AftercartConfig", targets: ["AftercartConfig"]),
        .library(name: "MockStores", targets: ["MockStores"]),
    ],
    dependencies: [
        .package(url: "https://github.com/swift-server/async-http-client", from: "1.37.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
        .package(url: "https://github.com/LebJe/TOMLKit", from: "0.6.0"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
    ],
    targets: [
        .target(
            name: "AftercartModel",
            swiftSettings: upcoming
        ),
        .target(
            name: "AftercartConnector",
            dependencies: [
                "AftercartModel",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
            ],
            swiftSettings: upcoming
        ),
        .target(
            name: "AftercartStore",
            dependencies: [
                "AftercartModel",
                .product(name: "GRDB", package: "GRDB.swift"),
            ],
            swiftSettings: upcoming
        ),
        .target(
            name: "AftercartConfig",
            dependencies: [
                "AftercartModel",
                .product(name: "TOMLKit", package: "TOMLKit"),
            ],
            swiftSettings: upcoming
        ),
        .executableTarget(
            name: "aftercart",
            dependencies: [
                "AftercartModel",
                "AftercartConnector",
                "AftercartStore",
                "AftercartConfig",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: upcoming
        ),
        .target(
            name: "MockStores",
            dependencies: [
                "AftercartModel",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Logging", package: "swift-log"),
            ],
            path: "Mocks/MockStores",
            swiftSettings: upcoming
        ),
        .executableTarget(
            name: "aftercart-mock",
            dependencies: [
                "MockStores",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Hummingbird", package: "hummingbird"),
            ],
            path: "Mocks/aftercart-mock",
            swiftSettings: upcoming
        ),
        .testTarget(
            name: "AftercartModelTests",
            dependencies: ["AftercartModel"],
            swiftSettings: upcoming
        ),
        .testTarget(
            name: "AftercartConnectorTests",
            dependencies: [
                "AftercartConnector",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: upcoming
        ),
        .testTarget(
            name: "AftercartStoreTests",
            dependencies: ["AftercartStore"],
            swiftSettings: upcoming
        ),
        .testTarget(
            name: "AftercartConfigTests",
            dependencies: ["AftercartConfig"],
            swiftSettings: upcoming
        ),
        .testTarget(
            name: "MockStoresTests",
            dependencies: [
                "MockStores",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "Hummingbird", package: "hummingbird"),
            ],
            swiftSettings: upcoming
        ),
        .testTarget(
            name: "aftercartTests",
            dependencies: ["aftercart"],
            swiftSettings: upcoming
        ),
    ],
    swiftLanguageModes: [.v6]
)
