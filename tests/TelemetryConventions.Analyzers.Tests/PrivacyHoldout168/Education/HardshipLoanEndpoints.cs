namespace PrivacyHoldout168.Education;

/// <summary>The student money team's minimal API for short-term hardship loans.</summary>
public static class HardshipLoanEndpoints
{
    private static readonly ActivitySource Source = new("StudentMoney.Hardship");

    public static EndpointRoutes MapHardshipLoans(this EndpointRoutes routes)
    {
        routes.MapPost("/hardship-loans", RequestLoanAsync);
        routes.MapGet("/hardship-loans/{studentNumber}", GetLoanAsync);
        return routes;
    }

    private static async Task<ActionResult> RequestLoanAsync(
        HardshipLoanRequest request,
        IAffordabilityEngine engine,
        Pseudonymizer pseudonymizer,
        Meter meter,
        ILogger<HardshipLoanRequest> logger,
        CancellationToken ct)
    {
        using var span = Source.StartCampusloansOperation(request.Campus);
        span.SetCampusloansStudentId(pseudonymizer.PseudonymizeCampusloansStudentId(request.StudentNumber)); // clean generated-api
        span.SetCampusloansFund("hardship-short-term"); // clean generated-api
        logger.LogInformation("Hardship loan of {Amount} requested on {Campus}", request.Amount, request.Campus); // clean precision-about
        logger.LogInformation("Hardship reason: {Reason}", request.Reason); // leak TC1001 direct
        logger.LogInformation("Reason given ({Length} characters)", request.Reason.Length); // clean precision-about
        Stamp(request);
        try
        {
            var result = await engine.AssessAsync(new AffordabilityInput(request.StudentNumber, 0m, 0m, 0), ct);
            logger.LogInformation("Assessment {@Result}", result); // clean logging-objects
            span.SetCampusloansOutcome(result.Outcome); // clean generated-api
            meter.CreateCampusloansRequestsCounter().Add(1, request.Campus, result.Outcome); // clean generated-api
            return new OkResult(result);
        }
        catch (IncomeVerificationException ex)
        {
            span.RecordException(ex, "income not verified", includeMessage: true); // leak TC1001 exceptions
            meter.CreateCampusloansRequestsCounter().Add(1, request.Campus, "failed"); // clean generated-api
            return new BadRequestResult("We could not verify your income");
        }
        catch (AffordabilityShortfallException ex)
        {
            span.RecordException(ex, "shortfall", includeMessage: true); // clean exceptions
            return new BadRequestResult("Not affordable");
        }
    }

    private static Task<ActionResult> GetLoanAsync(string studentNumber, ILogger<HardshipLoanRequest> logger, Meter meter)
    {
        var path = "/hardship-loans/" + studentNumber;
        logger.LogInformation("GET {Path}", path); // leak TC1001 strings
        logger.LogDebug($"Lookup of hardship loans for {studentNumber}"); // leak TC1001 strings
        Activity.Current?.SetTag("http.route", "/hardship-loans/{studentNumber}"); // clean precision-names
        meter.CreateCampusloansRequestsCounter().Add(1, studentNumber, "read"); // leak TC1003 generated-api
        return Task.FromResult<ActionResult>(new OkResult(null));
    }

    private static void Stamp(HardshipLoanRequest request)
    {
        Activity.Current?.SetTag("hardship.student", request.StudentNumber); // leak TC1001 cross-member
        Activity.Current?.SetTag("hardship.campus", request.Campus); // clean cross-member
    }
}
