// The planner: pure normalise + diff → Plan, and the apply executor.
enum ReconcilerNamespace {}
