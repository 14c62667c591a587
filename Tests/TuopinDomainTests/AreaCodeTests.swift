import Testing
@testable import TuopinDomain

@Suite struct AreaCodeTests {
    @Test(arguments: [
        ("450000", AreaLevel.province, "450000000000"), ("451200", .prefecture, "451200000000"),
        ("451224", .county, "451224000000"), ("451224100", .township, "451224100000"),
        ("451224100201", .village, "451224100201"),
    ])
    func levels_and_padding(text: String, level: AreaLevel, value: String) throws {
        let code = try #require(AreaCode(text))
        #expect(code.level == level)
        #expect(code.value == value)
    }

    @Test(arguments: ["45122", "4512241002011", "45122410020a", "000000", ""])
    func refuses_malformed_codes(text: String) {
        #expect(AreaCode(text) == nil)
    }

    @Test func walks_up_the_hierarchy() throws {
        let village = try #require(AreaCode("451224100201"))
        #expect(village.parent?.value == "451224100000")
        #expect(village.parent?.parent?.value == "451224000000")
        #expect(village.ancestor(at: .prefecture)?.value == "451200000000")
        #expect(village.ancestor(at: .province)?.value == "450000000000")
        #expect(AreaCode("450000")?.parent == nil)
        #expect(AreaCode("451224")!.contains(village))
        #expect(!AreaCode("451225")!.contains(village))
        #expect(village.countyPart == "451224")
    }
}
