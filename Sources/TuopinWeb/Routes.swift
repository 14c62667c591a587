import Vapor

/// Every route, in one place.
func routes(_ app: Application) {
    app.get("health", use: SystemController.health)
    app.get("assets", "app.css", use: SystemController.stylesheet)
    app.get { req in req.redirect(to: "/areas") }
    app.get("areas", use: AreaController.index)
    app.get("areas", ":code", use: AreaController.show)
    app.get("households", ":id", use: HouseholdController.show)

    let api = app.grouped("api", "v1")
    api.get("areas", use: APIController.areas)
    api.get("areas", ":code", use: APIController.area)
    api.get("areas", ":code", "households", use: APIController.households)
    api.get("households", ":id", use: APIController.household)
}
