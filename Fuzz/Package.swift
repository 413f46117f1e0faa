// swift-tools-version: 6.2
// The libFuzzer targets: the manifest loader and the JSON reader. A package of its own so that
// the root package never needs fuzzer flags; build and run them with Fuzz/run.sh (see
// docs/fuzzing.md).
import PackageDescription

let package = Package(
  name: "hogctl-fuzz",
  platforms: [.macOS(.v15)],
  dependencies: [
    .package(name: "hogctl", path: "..")
  ],
  targets: [
    .executableTarget(
      name: "ManifestLoaderFuzzer",
      dependencies: [.product(name: "HogctlManifests", package: "hogctl")]
    ),
    .executableTarget(
      name: "JSONParserFuzzer",
      dependencies: [.product(name: "HogctlJSON", package: "hogctl")]
    ),
  ]
)
