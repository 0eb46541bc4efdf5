namespace PrivacyHoldout137.Education;

/// <summary>A student's application to the hardship fund for energy arrears.</summary>
public sealed record EnergyHardshipApplication(
    string ApplicationId,
    string StudentNumber,
    string PreferredName,
    string SupplierAccountNumber,
    string SupplierName,
    decimal ArrearsClaimed,
    AffordabilityAssessment Affordability,
    string Statement,
    string AdviserStaffId);

public sealed record HardshipAward(string AwardId, string ApplicationId, decimal Amount, string PaidTo, DateOnly PaidOn);

public sealed class HardshipFundExhaustedException(string fundCode, decimal remaining)
    : Exception($"Fund {fundCode} has {remaining:0.00} left this term")
{
    public string FundCode { get; } = fundCode;
}

public sealed class DuplicateApplicationException(string studentNumber, string existingApplicationId)
    : Exception($"Student {studentNumber} already has open application {existingApplicationId}")
{
    public string ExistingApplicationId { get; } = existingApplicationId;
}

public interface IHardshipFund
{
    Task<HardshipAward> AwardAsync(EnergyHardshipApplication application, decimal amount, CancellationToken cancellationToken);
}

/// <summary>
/// Student services decide hardship applications for energy debt: the fund pays part of the arrears to
/// the supplier and asks the supplier to put the rest on a payment plan the student can afford.
/// </summary>
public sealed partial class HardshipFundEnergyDebtHandler(
    IHardshipFund fund,
    ICollectionsClient collections,
    Pseudonymizer pseudonymizer,
    TelemetrySecrets secrets,
    ILogger<HardshipFundEnergyDebtHandler> logger)
{
    private static readonly ActivitySource Source = new("University.StudentServices.Hardship");
    private static readonly Meter Meter = new("University.StudentServices.Hardship");
    private static readonly Histogram<double> Awarded = Meter.CreateHistogram<double>("hardship.energy.awarded", "GBP");

    public async Task<HardshipAward?> DecideAsync(EnergyHardshipApplication application, CancellationToken ct)
    {
        using var span = Source.StartUtilcareAssess("hardship")
            .SetUtilcareAccountId(pseudonymizer.PseudonymizeUtilcareAccountId(application.SupplierAccountNumber)); // clean precision-pseudonym
        span.Activity?.SetTag("hardship.application", application.ApplicationId); // clean precision-names
        span.Activity?.SetTag("hardship.supplier", application.SupplierName);
        span.Activity?.SetTag("hardship.surplus", (double)application.Affordability.Surplus); // clean precision-about
        span.Activity?.SetTag("hardship.statement_words", application.Statement.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length); // clean precision-about
        span.Activity?.SetTag("hardship.adviser", application.AdviserStaffId); // leak TC1001 direct
        span.Activity?.SetTag("hardship.student_cohort", (application.StudentNumber.GetHashCode() & 0x7fffffff) % 16); // leak TC1002 hashes

        LogAffordability(logger, application.ApplicationId, application.Affordability); // clean logging-objects

        var arrears = await collections.ArrearsAsync(application.SupplierAccountNumber, ct);
        span.SetUtilcareArrearsBand(arrears.Band); // clean precision-names
        logger.LogInformation("Arrears for {Student}: {@Arrears}", application.PreferredName, arrears); // leak TC1001 direct

        var grant = Math.Min(application.ArrearsClaimed, arrears.Balance) * 0.6m;
        try
        {
            var award = await fund.AwardAsync(application, grant, ct);
            Awarded.Record((double)award.Amount, new KeyValuePair<string, object?>("supplier", application.SupplierName));
            logger.LogInformation("Award {AwardId} of {Amount} paid on {PaidOn}", award.AwardId, award.Amount, award.PaidOn); // clean precision-names
            logger.LogInformation("Award made {Award}", award); // leak TC1001 logging-objects

            var rest = arrears.Balance - award.Amount;
            if (rest > 0)
            {
                var plan = await collections.CreatePlanAsync(application.SupplierAccountNumber, Math.Max(5m, application.Affordability.Surplus / 4), "weekly", ct);
                span.SetUtilcarePlanId(plan.PlanId).SetUtilcareOutcome("agreed");
                span.Activity?.AddEvent(new ActivityEvent("plan.agreed", tags: new ActivityTagsCollection { ["plan"] = plan.ToString() })); // leak TC1001 logging-objects
            }

            return award;
        }
        catch (DuplicateApplicationException ex)
        {
            span.SetUtilcareOutcome("declined"); // clean precision-names
            logger.LogWarning(ex, "Duplicate hardship application"); // leak TC1001 exceptions
            span.Activity?.SetTag("hardship.existing_application", ex.ExistingApplicationId); // clean exceptions
            return null;
        }
        catch (HardshipFundExhaustedException ex)
        {
            span.SetStatus(ActivityStatusCode.Error, ex.Message); // clean exceptions
            LogFundExhausted(logger, application.StudentNumber, ex.FundCode); // clean generated-api
            return null;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Affordability for {ApplicationId}: {Assessment}")]
    private static partial void LogAffordability(ILogger logger, string applicationId, AffordabilityAssessment assessment);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Fund {FundCode} exhausted; student {StudentNumber} put on the waiting list")]
    private static partial void LogFundExhausted(ILogger logger, [PrivateData] string studentNumber, string fundCode);
}
