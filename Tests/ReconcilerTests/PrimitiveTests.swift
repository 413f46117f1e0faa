import Reconciler
import Testing

@Suite struct PrimitiveTests {
  @Test func globs() {
    #expect(NameGlob("Legacy *").matches("Legacy hook"))
    #expect(!NameGlob("Legacy *").matches("New Legacy hook"))
    #expect(NameGlob("*bot?").matches("Drop bots"))
    #expect(NameGlob("a*b*c").matches("aXXbYYc"))
    #expect(!NameGlob("a*b*c").matches("aXXbYY"))
    #expect(NameGlob("*").matches(""))
  }
}
