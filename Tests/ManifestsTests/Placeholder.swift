// SKELETON: replaced by the Manifests test suite.
