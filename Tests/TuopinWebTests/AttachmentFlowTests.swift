import Foundation
import SQLKit
import Testing
import TuopinDomain
import TuopinStore
import TuopinTestSupport
@testable import TuopinWeb
import Vapor
import VaporTesting

/// Issue #15 item 4 on both databases: a finding with a photo, evidence that is only a photo, the file served
/// to the problem's area and no one else, its SHA-256 in the trail; a disguised or oversized file refused with
/// nothing stored; an upload arriving in pieces.
@Suite struct AttachmentFlowTests {
    static func upload(_ app: Application, _ path: String, _ session: (cookie: String, csrf: String), _ fields: [String: String],
                       files: [(name: String, type: String, content: Data)]) async throws -> (status: HTTPStatus, body: String, location: String?) {
        var out: (HTTPStatus, String, String?) = (.ok, "", nil)
        var headers = WebHarness.headers(session)
        headers.replaceOrAdd(name: .contentType, value: MultipartBody.contentType)
        let body = MultipartBody.make(fields: [("_csrf", session.csrf)] + fields.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }, files: files)
        try await app.testing().test(.POST, path, headers: headers, body: ByteBuffer(data: body)) { res async in
            out = (res.status, res.body.string, res.headers.first(name: .location))
        }
        return out
    }

    static func count(_ app: Application) async throws -> Int {
        try await (app.db as! any SQLDatabase).raw("SELECT COUNT(*) AS n FROM attachments").first()!.decode(column: "n", as: Int.self)
    }

    /// A limit of 1 MB a file keeps the test's oversized upload small.
    static let settings: WebSettings = {
        var s = WebHarness.settings
        s.attachments = AttachmentRules(maxBytes: 1024 * 1024, maxFiles: 3)
        return s
    }()

    @Test func a_finding_photo_and_evidence_files_are_kept_served_and_audited() async throws {
        try await WebHarness.withLoadedApp(settings: Self.settings) { app in
            let inspector = try await WebHarness.signIn(app, as: "inspector")
            let county = try await WebHarness.signIn(app, as: "county")
            let village = try await WebHarness.signIn(app, as: "village")
            let today = LocalDate(Date())
            let photo = MultipartBody.jpeg(4096)
            let finding = ["source": "暗访", "area": Samples.village.value, "category": "查帮扶措施", "description": "危房改造未完工",
                           "households": "H0001", "severity": "一般", "found": today.description, "deadline": "", "unit": "东兰镇人民政府"]
            var res = try await Self.upload(app, "problems", inspector, finding, files: [("现场/照片1.jpg", "image/jpeg", photo)])
            let problem = try #require(SupervisionFlowTests.id(res, "/problems/"), "\(res.status) \(res.body.prefix(400))")
            var page = ""
            try await app.testing().test(.GET, "problems/\(problem)", headers: WebHarness.headers(village)) { r async in page = r.body.string }
            let link = try #require(page.range(of: "<img src=\"/attachments/").map { String(page[$0.upperBound...].prefix { $0.isNumber }) })
            #expect(page.contains("照片1.jpg") && !page.contains("现场/"), "the name is kept without its folder")
            try await app.testing().test(.GET, "households/1", headers: WebHarness.headers(village)) { r async in
                #expect(r.body.string.contains("id=\"household-problems\"") && r.body.string.contains("href=\"/problems/\(problem)\""),
                        "the household page lists the problem found there")
            }
            try await app.testing().test(.GET, "attachments/\(link)", headers: WebHarness.headers(village)) { r async in
                #expect(r.status == .ok)
                #expect(r.headers.contentType?.description == "image/jpeg")
                #expect(Data(r.body.readableBytesView) == photo)
                #expect(r.headers.first(name: "X-Content-SHA256") == AttachmentStore.digest(photo))
            }
            // The trail keeps the digest, in the problem's history.
            let audited = try await (app.db as! any SQLDatabase).raw("SELECT after_json FROM audit_events WHERE action = 'attachment.add'").all()
            #expect(audited.count == 1)
            #expect(try audited.first?.decode(column: "after_json", as: String.self).contains(AttachmentStore.digest(photo)) == true)

            // A program renamed .jpg is refused at the field; nothing is stored and the state does not move.
            let before = try await Self.count(app)
            let program = Data([0x4D, 0x5A, 0x90, 0x00] + [UInt8](repeating: 0, count: 500))
            res = try await Self.upload(app, "problems/\(problem)/steps", village, ["action": "apply", "evidence": ""], files: [("整改.jpg", "image/jpeg", program)])
            #expect(res.status == .unprocessableEntity && res.body.contains("s-files-fault") && res.body.contains("不是 JPEG、PNG 照片或 PDF"))
            // Over the limit: refused the same way.
            res = try await Self.upload(app, "problems/\(problem)/steps", village, ["action": "apply", "evidence": ""],
                                        files: [("大.jpg", "image/jpeg", MultipartBody.jpeg(1024 * 1024 + 1))])
            #expect(res.status == .unprocessableEntity && res.body.contains("超过每个文件 1.0 MB 的上限"), "\(res.status) \(res.body.prefix(300))")
            #expect(try await Self.count(app) == before)
            try await app.testing().test(.GET, "problems/\(problem)", headers: WebHarness.headers(village)) { r async in
                #expect(r.body.string.contains("<dd>整改中"))
            }
            // A photo alone is evidence enough to apply.
            res = try await Self.upload(app, "problems/\(problem)/steps", village, ["action": "apply", "evidence": ""], files: [("整改后.jpg", "image/jpeg", photo)])
            #expect(res.location != nil, "\(res.status) \(res.body.prefix(400))")
            #expect(try await Self.count(app) == before + 1)
            res = try await WebHarness.post(app, "problems/\(problem)/steps", county, ["action": "close", "note": "照片核实"])
            #expect(res.location != nil, "\(res.status) \(res.body.prefix(300))")

            // A problem in another village: its photo is not there for this village's team.
            var elsewhere = finding
            elsewhere["area"] = Samples.otherVillage.value
            elsewhere["households"] = ""
            res = try await Self.upload(app, "problems", inspector, elsewhere, files: [("p.pdf", "application/pdf", MultipartBody.pdf)])
            let other = try #require(SupervisionFlowTests.id(res, "/problems/"), "\(res.status) \(res.body.prefix(400))")
            let id = try await (app.db as! any SQLDatabase).raw("SELECT id FROM attachments WHERE owner_id = \(bind: other)").first()!.decode(column: "id", as: Int64.self)
            try await app.testing().test(.GET, "attachments/\(id)", headers: WebHarness.headers(village)) { r async in #expect(r.status == .notFound) }
            try await app.testing().test(.GET, "attachments/\(id)", headers: WebHarness.headers(county)) { r async in
                #expect(r.status == .ok && r.headers.contentType?.description == "application/pdf")
            }
        }
    }

    @Test func an_upload_sent_in_pieces_is_kept_whole() async throws {
        try await WebHarness.withLoadedApp { app in
            let inspector = try await WebHarness.signIn(app, as: "inspector")
            let today = LocalDate(Date())
            let fields = [("_csrf", inspector.csrf), ("source", "暗访"), ("area", Samples.village.value), ("category", "查帮扶措施"),
                          ("description", "公示栏未更新"), ("households", ""), ("severity", "一般"), ("found", today.description), ("deadline", ""), ("unit", "")]
            let pdf = Data((String(decoding: MultipartBody.pdf, as: UTF8.self) + String(repeating: "% filler line of the document\n", count: 3000)).utf8)
            let body = String(decoding: MultipartBody.make(fields: fields, files: [("公示.pdf", "application/pdf", pdf)]), as: UTF8.self)
            try await WebHarness.served(app) { port in
                let head = "POST /problems HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\nOrigin: http://127.0.0.1:\(port)\r\nCookie: tuopin_session=\(inspector.cookie)\r\n"
                    + "Content-Type: \(MultipartBody.contentType)\r\nContent-Length: \(body.utf8.count)\r\nConnection: close\r\n\r\n"
                let bytes = Array(body.utf8)
                let size = bytes.count / 6 + 1
                let pieces = [head] + stride(from: 0, to: bytes.count, by: size).map { String(decoding: bytes[$0..<min($0 + size, bytes.count)], as: UTF8.self) }
                let answer = try await RawHTTP.sendOffThread(port: port, pieces: pieces)
                #expect(answer.status == 303, "\(answer.status): \(answer.body.prefix(300))")
            }
            let stored = try await (app.db as! any SQLDatabase).raw("SELECT size, sha256 FROM attachments").all()
            #expect(stored.count == 1)
            #expect(try stored.first?.decode(column: "size", as: Int.self) == pdf.count)
            #expect(try stored.first?.decode(column: "sha256", as: String.self) == AttachmentStore.digest(pdf))
        }
    }

    @Test func a_change_request_and_a_project_step_carry_their_papers() async throws {
        try await WebHarness.withLoadedApp(settings: Self.settings) { app in
            let village = try await WebHarness.signIn(app, as: "village")
            let township = try await WebHarness.signIn(app, as: "township")
            let county = try await WebHarness.signIn(app, as: "county")
            // A village's edit waits for the township: the requester adds the 民政 certificate as a PNG.
            var form = EditingTests.base
            form["household_type"] = "低保贫困户"
            form["reason"] = "民政新认定低保"
            form["version"] = "1"
            let submitted = try await WebHarness.post(app, "households/1/edit", village, form)
            let change = try #require(submitted.location)
            let png = Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A] + [UInt8](repeating: 1, count: 300))
            var res = try await Self.upload(app, String(change.dropFirst()) + "/attachments", village, [:], files: [])
            #expect(res.status == .unprocessableEntity && res.body.contains("请选择要上传的照片或文件"))
            res = try await Self.upload(app, String(change.dropFirst()) + "/attachments", village, [:], files: [("低保证.png", "image/png", png)])
            #expect(res.location == change, "\(res.status) \(res.body.prefix(300))")
            try await app.testing().test(.GET, String(change.dropFirst()), headers: WebHarness.headers(township)) { r async in
                #expect(r.body.string.contains("低保证.png") && r.body.string.contains("PNG 图片"))
            }
            #expect(try await WebHarness.post(app, String(change.dropFirst()) + "/approve", township, ["note": "属实"]).status == .seeOther)
            #expect(try await WebHarness.post(app, String(change.dropFirst()) + "/approve", county, [:]).status == .seeOther)
            res = try await Self.upload(app, String(change.dropFirst()) + "/attachments", village, [:], files: [("晚.png", "image/png", png)])
            #expect(res.status == .conflict, "nothing is added to a decided request")

            // A project the village proposed: the township's review carries its minutes as a PDF, which the village may open.
            let proposal = ["name": "弄谷村道路硬化", "category": "基础设施", "nature": "新建", "villages": Samples.village.value, "unit": "东兰镇人民政府",
                            "tasks": "硬化道路2公里", "planned": "300000", "funding": "整合资金30万", "year": String(LocalDate(Date()).year),
                            "start": LocalDate(Date()).adding(days: -10).description, "end": LocalDate(Date()).adding(days: 100).description, "households": "",
                            "beneficiaries": "30", "targets": "通村道路硬化2公里", "mechanism": "改善出行"]
            res = try await WebHarness.post(app, "projects", village, proposal)
            let project = try #require(SupervisionFlowTests.id(res, "/projects/"), "\(res.status) \(res.body.prefix(300))")
            res = try await Self.upload(app, "projects/\(project)/steps", township, ["action": "advance", "note": "同意"],
                                        files: [("审核纪要.pdf", "application/pdf", MultipartBody.pdf)])
            #expect(res.location != nil, "\(res.status) \(res.body.prefix(300))")
            var page = ""
            try await app.testing().test(.GET, "projects/\(project)", headers: WebHarness.headers(village)) { r async in page = r.body.string }
            let link = try #require(page.range(of: "<a href=\"/attachments/").map { String(page[$0.upperBound...].prefix { $0.isNumber }) })
            try await app.testing().test(.GET, "attachments/\(link)", headers: WebHarness.headers(village)) { r async in
                #expect(r.status == .ok && Data(r.body.readableBytesView) == MultipartBody.pdf)
            }
            let subjects = try await (app.db as! any SQLDatabase).raw("SELECT entity FROM audit_events WHERE action = 'attachment.add' ORDER BY seq").all()
                .map { try $0.decode(column: "entity", as: String.self) }
            #expect(subjects == ["change_request", "project"])
        }
    }
}
