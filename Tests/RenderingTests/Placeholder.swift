// SKELETON: replaced by the Rendering test suite.
