import Manifests

extension Array where Element == DesiredFunction {
  /// Sorted by name, then type: the order of matching and of the manifests' digest. Positions are
  /// sorted and names compared where they are stored; sorting the functions themselves copied
  /// and released every field on both sides of each comparison.
  func sortedByNameAndType() -> [DesiredFunction] {
    let order = withUnsafeBufferPointer { functions in
      functions.indices.sorted { left, right in
        let (leftName, rightName) = (functions[left].name, functions[right].name)
        return leftName != rightName ? leftName < rightName : functions[left].type < functions[right].type
      }
    }
    return order.map { self[$0] }
  }
}
