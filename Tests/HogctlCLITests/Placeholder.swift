// SKELETON: replaced by the HogctlCLI test suite.
