import Testing
import TuopinDomain

/// 附件规则: the type read from the bytes, the limits, the name cleaned; evidence of a photo alone suffices.
struct AttachmentRulesTests {
    let rules = AttachmentRules(maxBytes: 1000, maxFiles: 2)

    @Test func the_type_comes_from_the_first_bytes() {
        #expect(AttachmentType.detect([0xFF, 0xD8, 0xFF, 0xE1]) == .jpeg)
        #expect(AttachmentType.detect([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0]) == .png)
        #expect(AttachmentType.detect(Array("%PDF-1.7".utf8)) == .pdf)
        #expect(AttachmentType.detect([0x4D, 0x5A, 0x90]) == nil, "a Windows program")
        #expect(AttachmentType.detect(Array("<html>".utf8)) == nil)
        #expect(AttachmentType.detect([]) == nil)
    }

    @Test func a_file_is_refused_empty_too_large_or_of_another_type() throws {
        let jpeg: [UInt8] = [0xFF, 0xD8, 0xFF, 0xE0]
        let ok = try rules.check(name: "C:\\相册\\a.jpg", head: jpeg, size: 1000).get()
        #expect(ok.0 == .jpeg && ok.1 == "a.jpg")
        for (head, size, words) in [(jpeg, 0, "空文件"), (jpeg, 1001, "超过每个文件"), ([0x4D, 0x5A] as [UInt8], 10, "不是 JPEG")] {
            guard case .failure(let r) = rules.check(name: "x.jpg", head: head, size: size) else { Issue.record("accepted \(words)"); continue }
            #expect(r.chinese.contains(words) && r.field == "files" && !r.english.isEmpty)
        }
        #expect(rules.checkCount(2) == nil)
        #expect(rules.checkCount(3)?.chinese.contains("最多上传 2 个") == true)
    }

    @Test func a_name_loses_folders_and_control_characters() {
        #expect(AttachmentRules.cleanName("../../etc/passwd") == "passwd")
        #expect(AttachmentRules.cleanName("a\u{202E}gpj.exe") == "agpj.exe")
        #expect(AttachmentRules.cleanName("x\"y\n.pdf") == "xy.pdf")
        #expect(AttachmentRules.cleanName(String(repeating: "长", count: 300)).count == 100)
    }

    @Test func a_photo_alone_is_evidence_enough() {
        #expect(!ProblemEvidence(text: "已改").isSufficient)
        #expect(ProblemEvidence(text: "", files: 1).isSufficient)
        #expect(ProblemEvidence(text: "", auditRecord: 12).isSufficient)
    }
}
