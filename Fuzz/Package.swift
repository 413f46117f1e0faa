// swift-tools-version: 6.0
// The libFuzzer target for the manifest loader. A package of its own so that the root package
// never needs fuzzer flags; build and run it with Fuzz/run.sh (see docs/fuzzing.md).
import PackageDescription

let package = Package(
  name: "hogctl-fuzz",
  dependencies: [
    .package(name: "hogctl", path: "..")
  ],
  targets: [
    .executableTarget(
      name: "ManifestLoaderFuzzer",
      dependencies: [.product(name: "HogctlManifests", package: "hogctl")]
    )
  ]
)
