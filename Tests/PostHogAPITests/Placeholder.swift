// SKELETON: replaced by the PostHogAPI test suite.
