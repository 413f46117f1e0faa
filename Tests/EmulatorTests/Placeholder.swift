// SKELETON: replaced by the Emulator test suite.
