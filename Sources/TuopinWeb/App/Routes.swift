import Vapor

/// Every feature registers its own routes. Only /health, the stylesheet, the API's OpenAPI document and the
/// sign-in page are open; the rest needs a session (or an API token) and, for changes, the session's CSRF token.
func routes(_ app: Application) {
    SystemController.register(app)
    APIController.registerDocument(app)
    let signedIn = app.grouped(SignedInMiddleware(), CSRFMiddleware(), FormTextMiddleware(), NavigationMiddleware())
    SessionController.register(open: app, signedIn: signedIn)
    AreaController.register(signedIn)
    HouseholdController.register(signedIn)
    HouseholdEditController.register(signedIn)
    ExportController.register(signedIn)
    ExitCheckController.register(signedIn)
    TargetsController.register(signedIn)
    MonitoringController.register(signedIn)
    VillageProfileController.register(signedIn)
    DutyController.register(signedIn)
    PlanController.register(signedIn)
    CadreController.register(signedIn)
    ProblemController.register(signedIn)
    InspectionController.register(signedIn)
    BulletinController.register(signedIn)
    FundsController.register(signedIn)
    ProjectController.register(signedIn)
    ProcedureController.register(signedIn)
    StandardsController.register(signedIn)
    ChangeController.register(signedIn)
    AuditController.register(signedIn)
    UserController.register(signedIn)
    PasswordController.register(signedIn)
    APIController.register(signedIn)
    SearchController.register(signedIn)
}
