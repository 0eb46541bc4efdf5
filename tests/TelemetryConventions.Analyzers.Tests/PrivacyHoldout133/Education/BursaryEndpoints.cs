namespace PrivacyHoldout133.Education;

/// <summary>The trust's bursary and hardship fund endpoints for sixth-form students.</summary>
public sealed record BursaryRequest(string StudentNumber, string School, string Scheme, decimal HouseholdIncome, int Dependants, string GuardianEmail, string? Circumstances);

public static partial class BursaryEndpoints
{
    private static readonly ActivitySource Source = new("Trust.Bursaries");
    private static readonly Meter Meter = new("Trust.Bursaries");
    private static readonly Counter<long> Applications = Meter.CreateCounter<long>("trust.bursary.applications");
    private static readonly Histogram<double> Awards = Meter.CreateHistogram<double>("trust.bursary.award", "GBP");

    public static void Map(EndpointRoutes routes)
    {
        routes.MapPost("/bursaries", ApplyAsync);
        routes.MapPost("/bursaries/{applicationId}/decision", DecideAsync);
    }

    private static async Task<ActionResult> ApplyAsync(BursaryRequest request, Pseudonymizer pseudonymizer, IGrantPortal portal, ILogger<BursaryRequest> logger, CancellationToken cancellationToken)
    {
        using var span = Source.StartBursaryTask(bursaryProgramme: request.Scheme);
        span.SetBursarySite(request.School); // clean precision-about
        span.SetBursaryStudentId(pseudonymizer.PseudonymizeBursaryStudentId(request.StudentNumber)); // clean precision-pseudonym
        span.Activity?.SetTag("bursary.dependants", request.Dependants); // clean precision-about
        span.Activity?.SetTag("bursary.income_band", IncomeBand(request.HouseholdIncome)); // clean precision-about
        span.Activity?.SetTag("bursary.circumstances.words", request.Circumstances?.Split(' ').Length ?? 0); // clean precision-about
        span.Activity?.SetTag("bursary.circumstances", request.Circumstances); // leak TC1001 direct

        var application = new BursaryApplication(Guid.NewGuid().ToString("N")[..12], request.StudentNumber, request.HouseholdIncome, request.Dependants, request.Scheme);
        logger.LogInformation("Bursary application {@Application}", application); // leak TC1001 logging-objects
        logger.LogInformation("Bursary application {ApplicationId} for scheme {Scheme}", application.ApplicationId, application.Scheme); // clean precision-names
        Applications.Add(1, new KeyValuePair<string, object?>("scheme", request.Scheme), new KeyValuePair<string, object?>("school", request.School)); // clean precision-about
        Applications.Add(1, new KeyValuePair<string, object?>("student", request.StudentNumber)); // leak TC1003 direct

        try
        {
            EnsureFirstApplication(request.StudentNumber, request.Scheme);
        }
        catch (DuplicateApplicationException ex)
        {
            logger.LogWarning(ex, "Duplicate bursary application in {Round}", ex.Round); // leak TC1001 exceptions
            span.SetBursaryOutcome("duplicate"); // clean precision-names
            return new BadRequestResult("already applied");
        }

        span.Activity?.SetTag(BursaryAttributes.Contact, request.GuardianEmail); // leak TC1001 generated-api
        LogGuardianNotified(logger, request.GuardianEmail); // clean direct
        return new OkResult(new { application.ApplicationId });
    }

    private static async Task<ActionResult> DecideAsync(string applicationId, GrantDecision decision, BursaryApplication application, IGrantPortal portal, Pseudonymizer pseudonymizer, ILogger<BursaryRequest> logger, CancellationToken cancellationToken)
    {
        using var span = Source.StartBursaryTask(bursaryProgramme: decision.Fund);
        try
        {
            Eligibility.Check(application);
        }
        catch (IneligibleException ex)
        {
            span.Activity?.SetStatus(ActivityStatusCode.Error, ex.Message); // clean exceptions
            logger.LogBursaryTaskFailedEvent(bursaryProgramme: decision.Fund, bursaryOutcome: ex.RuleCode, bursaryStudentId: pseudonymizer.PseudonymizeBursaryStudentId(application.ApplicantRef)); // clean generated-api
            return new BadRequestResult(ex.RuleCode);
        }

        await portal.SaveDecisionAsync(decision, cancellationToken);
        logger.LogInformation("Decision {@Decision}", decision); // clean logging-objects
        Awards.Record((double)decision.AmountAwarded, new KeyValuePair<string, object?>("fund", decision.Fund), new KeyValuePair<string, object?>("outcome", decision.Outcome)); // clean precision-about
        Awards.Record((double)decision.AmountAwarded, new KeyValuePair<string, object?>("student", pseudonymizer.ComputeBursaryStudentId(application.ApplicantRef))); // leak TC1003 precision-pseudonym
        span.Activity?.SetTag("bursary.payment_reference", $"BURSARY {application.ApplicantRef}"); // leak TC1001 strings
        TelemetryMetrics.CreateBursaryTasksCounter(Meter).Add(1, bursaryProgramme: decision.Fund, bursaryOutcome: application.ApplicantRef); // leak TC1003 generated-api
        return new OkResult(null);
    }

    private static string IncomeBand(decimal income) => income switch
    {
        < 16_190m => "fsm",
        < 30_000m => "low",
        _ => "standard",
    };

    private static void EnsureFirstApplication(string studentNumber, string scheme)
    {
        if (scheme.EndsWith("-closed", StringComparison.Ordinal))
        {
            throw new DuplicateApplicationException(studentNumber, scheme);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Guardian {GuardianEmail} notified")]
    private static partial void LogGuardianNotified(ILogger logger, [PrivateData] string guardianEmail);
}

internal static class Eligibility
{
    public static void Check(BursaryApplication application)
    {
        if (application.HouseholdIncome > 60_000m)
        {
            throw new IneligibleException(application.Scheme, "INCOME-CAP");
        }
    }
}
