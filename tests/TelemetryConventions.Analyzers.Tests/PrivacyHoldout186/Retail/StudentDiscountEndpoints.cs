namespace PrivacyHoldout186.Retail;

/// <summary>A retailer's minimal API checking student travel discount eligibility at the till and online.</summary>
public static class StudentDiscountEndpoints
{
    private static readonly ActivitySource Source = new("Retail.StudentDiscount");
    private static readonly Meter Meter = new("Retail.StudentDiscount");

    public static void Map(EndpointRoutes routes) => routes.MapPost("/student-discount/check", Check);

    private static ActionResult Check(StudentDiscountCheck check, HttpContextInfo http, Pseudonymizer pseudonymizer, ILogger<StudentDiscountCheck> logger)
    {
        using var activity = Source.StartActivity("student_discount.check");
        var domain = check.StudentEmail[(check.StudentEmail.IndexOf('@') + 1)..];
        activity?.SetTag("check.id", check.CheckId); // clean precision-names
        activity?.SetTag("check.outcome", check.Outcome); // clean precision-names
        activity?.SetTag("check.college_domain", check.CollegeDomain); // clean precision-about
        activity?.SetTag("check.email_domain", domain); // clean precision-about
        activity?.SetTag("check.student_email", check.StudentEmail); // leak TC1001 direct
        activity?.SetTag("http.user_agent", http.RequestHeaders.TryGetValue("User-Agent", out var agent) ? agent : null); // clean precision-names
        activity?.SetTag("enduser.id", http.User.SubjectId); // leak TC1001 direct
        activity?.SetTag("enduser.email", http.User.Email); // leak TC1001 direct
        activity?.SetTag("enduser.authenticated", http.User.IsAuthenticated); // clean precision-about
        logger.LogInformation("Check {Check}", check); // leak TC1001 logging-objects
        logger.LogInformation("Check {Check}", check with { StudentEmail = domain }); // clean logging-objects
        logger.LogInformation($"Student discount {check.Outcome} for {check.StudentEmail}"); // leak TC1001 strings
        logger.LogInformation($"Student discount {check.Outcome} for check {check.CheckId}"); // clean strings

        using var span = Source.StartTilltopOperation("online");
        span.SetTilltopClientId(pseudonymizer.PseudonymizeTilltopClientId(check.StudentEmail)); // clean generated-api
        span.SetTilltopOutcome(check.Outcome); // clean generated-api
        span.SetTilltopConcession(check.StudentEmail); // leak TC1001 generated-api
        Meter.CreateTilltopOperationsCounter().Add(1, "online", check.Outcome); // clean generated-api
        return new OkResult(check.Outcome);
    }
}
