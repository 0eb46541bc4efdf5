namespace PrivacyHoldout145.Education;

/// <summary>A loan asked for at the school office.</summary>
public sealed record LoanRequest(string AssetTag, string StudentNumber, string PupilName, string GuardianEmail, int Weeks);

/// <summary>
/// The trust's minimal API for lending data-SIM tablets to pupils who have no connection at home, and for
/// taking them back. Tablets and their SIMs are on the trust's account; the pupils who borrow them are people.
/// </summary>
public static class TabletLoanEndpoints
{
    private static readonly ActivitySource Source = new("Trust.Tablets.Loans");

    public static EndpointRoutes MapTabletLoans(this EndpointRoutes routes)
    {
        routes.MapPost("/schools/{school}/loans", LendAsync);
        routes.MapPost("/schools/{school}/loans/{assetTag}/return", ReturnAsync);
        return routes;
    }

    private static async Task<ActionResult> LendAsync(string school, LoanRequest request, ITabletRegister register, Pseudonymizer pseudonymizer, ILoggerFactory loggers, CancellationToken ct)
    {
        var logger = loggers.CreateLogger("TabletLoans");
        using var span = Source.StartSchoolsimOperation(school, "tablets.lend");
        span.SetSchoolsimPupilId(pseudonymizer.PseudonymizeSchoolsimPupilId(request.StudentNumber)); // clean precision-pseudonym
        var tablet = await register.FindAsync(request.AssetTag, ct);
        if (tablet is null)
        {
            logger.LogWarning("No tablet {AssetTag} at {School}", request.AssetTag, school); // clean precision-names
            return new NotFoundResult(request.AssetTag);
        }

        Activity.Current?.SetTag("tablets.sim.iccid", tablet.Iccid); // clean precision-names
        Activity.Current?.SetTag("tablets.sim.msisdn", tablet.DataMsisdn); // clean precision-names
        Activity.Current?.SetTag("tablets.loan.student_number", request.StudentNumber); // leak TC1001 direct
        logger.LogInformation("Tablet {Tablet} lent for {Weeks} weeks", tablet, request.Weeks); // clean logging-objects
        logger.LogInformation("Loan recorded {Request}", request); // leak TC1001 logging-objects
        logger.LogDebug("Guardian notified at {Domain}", request.GuardianEmail[(request.GuardianEmail.IndexOf('@') + 1)..]); // clean precision-about
        Activity.Current?.SetTag(SchoolsimAttributes.Contact, pseudonymizer.Pseudonymize("guardian.email", request.GuardianEmail)); // leak TC1001 precision-pseudonym
        return new OkResult(tablet.AssetTag);
    }

    private static async Task<ActionResult> ReturnAsync(string school, string assetTag, ITabletRegister register, Pseudonymizer pseudonymizer, ILoggerFactory loggers, CancellationToken ct)
    {
        var logger = loggers.CreateLogger("TabletLoans");
        using var span = Source.StartSchoolsimOperation(school, "tablets.return");
        var loan = await register.LoanAsync(assetTag, ct);
        if (loan is null)
        {
            logger.LogWarning("Return of {AssetTag} at {School} without a loan", assetTag, school); // clean precision-names
            return new NotFoundResult(assetTag);
        }

        span.SetSchoolsimPupilId(pseudonymizer.PseudonymizeSchoolsimPupilId(loan.StudentNumber)); // clean precision-pseudonym
        var daysLate = DateOnly.FromDateTime(DateTime.UtcNow).DayNumber - loan.DueBack.DayNumber;
        Activity.Current?.SetTag("tablets.return.days_late", Math.Max(daysLate, 0)); // clean precision-about
        logger.LogInformation("Tablet {AssetTag} returned by {PupilName}", assetTag, loan.PupilName); // leak TC1001 direct
        logger.LogInformation("Tablet {AssetTag} returned by pupil {Pupil}", assetTag, pseudonymizer.ComputeSchoolsimPupilId(loan.StudentNumber)); // clean precision-pseudonym
        span.SetSchoolsimNote($"Returned {daysLate} days after {loan.DueBack:yyyy-MM-dd}"); // clean generated-api
        span.SetSchoolsimNote($"Returned by {loan.StudentNumber}"); // leak TC1001 generated-api
        return new OkResult(null);
    }
}
