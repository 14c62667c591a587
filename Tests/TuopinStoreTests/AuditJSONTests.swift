import Foundation
import Testing
import TuopinDomain
@testable import TuopinStore
import TuopinTestSupport

/// The audit trail's before/after texts: JSON objects with keys in code-point order, built from a
/// dictionary or (on the import's path) from a list.
@Suite struct AuditJSONTests {
    @Test func hand_escaped_json_reads_back_exactly() throws {
        let tricky = ["引号\"与\\反斜杠", "换行\n回车\r制表\t", "\u{01}控制字符\u{1f}", "</script>", "😀 emoji", ""]
        for s in tricky {
            let decoded = try JSONDecoder().decode([String: String].self, from: Data(AuditTrail.json(["k": s]).utf8))
            #expect(decoded["k"] == s)
        }
    }

    /// The department records' fields are read back by hand (`FlatJSON`): the same as `JSONDecoder` for every text the
    /// writer makes and for escapes it does not (\\/, \\u with a surrogate pair); nil for what is not an object of strings.
    @Test func flat_json_reads_what_the_writer_writes_and_refuses_the_rest() throws {
        let tricky = ["引号\"与\\反斜杠", "换行\n回车\r制表\t", "\u{01}控制字符\u{1f}", "</script>", "😀 emoji", "", "小型轿车", "68000"]
        let fields = Dictionary(uniqueKeysWithValues: tricky.enumerated().map { ("键\($0.offset)", $0.element) })
        let text = AuditTrail.json(fields.mapValues { $0 })
        #expect(FlatJSON.object(text) == fields)
        #expect(FlatJSON.object(text) == (try JSONDecoder().decode([String: String].self, from: Data(text.utf8))))
        #expect(FlatJSON.object(#" { "a\/b" : "\ud83d\ude00\u00e9" , "c":"" } "#) == ["a/b": "😀é", "c": ""])
        #expect(FlatJSON.object("{}") == [:])
        for bad in ["", "[]", #"{"a":1}"#, #"{"a":"b""#, #"{"a":"\x"}"#, #"{"a":"b"} x"#, #"{"a" "b"}"#, #"{"a":"\ud83d"}"#] {
            #expect(FlatJSON.object(bad) == nil, "\(bad)")
        }
    }

    @Test func a_list_gives_the_same_text_as_the_dictionary() throws {
        let h = Samples.household()
        let fromList = AuditTrail.json(HouseholdDiff.everythingList(h).map { ($0, $1) })
        let fromDictionary = AuditTrail.json(HouseholdDiff.everything(h).mapValues { $0 })
        #expect(fromList == fromDictionary)
        let decoded = try JSONSerialization.jsonObject(with: Data(fromList.utf8)) as? [String: String]
        #expect(decoded?["户编号"] == "H0001")
        #expect(decoded?["成员 韦小军（证件尾号\(h.members[2].id.number.suffix(4))）"]?.contains("韦小军") == true)
        #expect(decoded?["2016年收入"]?.contains("工资性 6,000.00") == true)
    }

    @Test func keys_are_in_code_point_order_and_a_repeated_key_keeps_its_first_value() {
        let text = AuditTrail.json([("乙", "2"), ("b", nil), ("甲", "1"), ("a", "x\"y"), ("乙", "3")])
        #expect(text == #"{"a":"x\"y","b":null,"乙":"2","甲":"1"}"#)
    }
}
