import Vapor

/// Every route, in one place. Only /health, the stylesheet and the sign-in page are open; the rest
/// needs a session (or an API token) and, for changes, the session's CSRF token.
func routes(_ app: Application) {
    app.get("health", use: SystemController.health)
    app.get("assets", "app.css", use: SystemController.stylesheet)
    app.get("login", use: SessionController.form)
    app.post("login", use: SessionController.signIn)

    let signedIn = app.grouped(SignedInMiddleware(), CSRFMiddleware())
    signedIn.post("logout", use: SessionController.signOut)
    signedIn.get { req in req.redirect(to: "/areas") }
    signedIn.get("areas", use: AreaController.index)
    signedIn.get("areas", ":code", use: AreaController.show)
    signedIn.get("areas", ":code", "export", ":format", use: ExportController.download)
    signedIn.get("areas", ":code", "exit", use: ExitCheckController.show)
    signedIn.get("areas", ":code", "targets", use: TargetsController.show)
    signedIn.get("areas", ":code", "monitoring", use: MonitoringController.show)
    signedIn.post("households", ":id", "hardships", use: MonitoringController.recordHardship)
    signedIn.post("areas", ":code", "targets", use: TargetsController.save)
    signedIn.get("households", ":id", use: HouseholdController.show)
    signedIn.get("households", "new", use: HouseholdEditController.newForm)
    signedIn.post("households", "new", use: HouseholdEditController.create)
    signedIn.get("households", ":id", "edit", use: HouseholdEditController.form)
    signedIn.post("households", ":id", "edit", use: HouseholdEditController.save)
    signedIn.post("households", ":id", "remove", use: HouseholdEditController.remove)
    signedIn.get("standards", use: StandardsController.show)
    signedIn.get("changes", use: ChangeController.index)
    signedIn.get("changes", ":id", use: ChangeController.show)
    signedIn.post("changes", ":id", "approve", use: ChangeController.approve)
    signedIn.post("changes", ":id", "return", use: ChangeController.giveBack)
    signedIn.post("changes", ":id", "withdraw", use: ChangeController.withdraw)
    signedIn.get("audit", use: AuditController.index)
    signedIn.get("audit.csv", use: AuditController.csv)
    signedIn.get("users", use: UserController.index)
    signedIn.post("users", use: UserController.create)
    signedIn.post("users", ":username", "disable", use: UserController.disable)
    signedIn.post("users", ":username", "enable", use: UserController.enable)
    signedIn.post("users", ":username", "reset-password", use: UserController.resetPassword)

    let api = signedIn.grouped("api", "v1")
    api.get("areas", use: APIController.areas)
    api.get("areas", ":code", use: APIController.area)
    api.get("areas", ":code", "households", use: APIController.households)
    api.get("households", ":id", use: APIController.household)
}
