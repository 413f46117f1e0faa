// swift-tools-version: 6.0
import PackageDescription

let package = Package(
  name: "hogctl",
  platforms: [.macOS(.v14)],
  products: [
    .executable(name: "hogctl", targets: ["hogctl"]),
    // Plan and apply benchmarks against the emulator (BENCHMARKS.md); build with -c release.
    .executable(name: "hogctl-bench", targets: ["hogctl-bench"]),
    // The manifest loader on its own and the fuzz input format, for the fuzz target in Fuzz/.
    .library(name: "HogctlManifests", targets: ["Manifests", "ManifestFuzzing"]),
  ],
  dependencies: [
    .package(url: "https://github.com/jpsim/Yams.git", from: "6.0.0"),
    .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.5.0"),
    .package(url: "https://github.com/hummingbird-project/hummingbird.git", from: "2.0.0"),
    .package(url: "https://github.com/apple/swift-nio.git", from: "2.101.2"),
  ],
  targets: [
    .executableTarget(name: "hogctl", dependencies: ["HogctlCLI"]),
    .executableTarget(
      name: "hogctl-bench",
      dependencies: [
        "HogctlCore", "Manifests", "PostHogAPI", "Reconciler",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ]
    ),
    .target(
      name: "HogctlCLI",
      dependencies: [
        "HogctlCore", "Manifests", "PostHogAPI", "Reconciler", "Rendering", "Emulator", "Importer", "Hog",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ]
    ),
    // `hogctl import`: live functions written as manifests that plan as no change.
    .target(
      name: "Importer",
      dependencies: [
        "HogctlCore", "Manifests", "PostHogAPI", "Reconciler", .product(name: "Yams", package: "Yams"),
      ]
    ),
    .target(name: "HogctlCore", dependencies: ["CHeapTuning"]),
    // glibc allocator settings (`mallopt`), which Swift cannot import directly.
    .target(name: "CHeapTuning"),
    .target(name: "Manifests", dependencies: ["HogctlCore", .product(name: "Yams", package: "Yams")]),
    .target(name: "ManifestFuzzing", dependencies: ["Manifests"]),
    // The Hog language: lexer and parser, depending on nothing else in hogctl.
    .target(name: "Hog"),
    .target(name: "PostHogAPI", dependencies: ["HogctlCore"]),
    .target(name: "Reconciler", dependencies: ["HogctlCore", "Manifests", "PostHogAPI"]),
    .target(name: "Rendering", dependencies: ["HogctlCore", "Manifests", "PostHogAPI", "Reconciler"]),
    .target(
      name: "Emulator",
      dependencies: [
        "HogctlCore", "Hog", .product(name: "Hummingbird", package: "hummingbird"),
        .product(name: "NIOCore", package: "swift-nio"),
      ]
    ),
    .testTarget(name: "HogctlCoreTests", dependencies: ["HogctlCore"]),
    .testTarget(name: "HogTests", dependencies: ["Hog"]),
    .testTarget(
      name: "ManifestsTests", dependencies: ["Manifests", "ManifestFuzzing"], resources: [.copy("Fixtures")]),
    .testTarget(name: "PostHogAPITests", dependencies: ["PostHogAPI", "Emulator"]),
    .testTarget(
      name: "ReconcilerTests", dependencies: ["Reconciler", "Manifests", "PostHogAPI", "HogctlCore"]),
    .testTarget(name: "RenderingTests", dependencies: ["Rendering"], resources: [.copy("Golden")]),
    .testTarget(
      name: "EmulatorTests",
      dependencies: [
        "Emulator",
        .product(name: "Hummingbird", package: "hummingbird"),
        .product(name: "HummingbirdTesting", package: "hummingbird"),
      ]
    ),
    .testTarget(
      name: "ImporterTests",
      dependencies: ["Importer", "HogctlCore", "Manifests", "PostHogAPI", "Reconciler"]
    ),
    .testTarget(
      name: "HogctlCLITests",
      dependencies: [
        "HogctlCLI", "Emulator", "HogctlCore", "Importer", "Manifests", "PostHogAPI", "Reconciler",
      ]
    ),
  ]
)
