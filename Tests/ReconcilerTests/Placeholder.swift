// SKELETON: replaced by the Reconciler test suite.
