namespace PrivacyHoldout152.Education;

/// <summary>Checks parents' 30-hours eligibility codes with the local authority before a term and submits the headcount.</summary>
public sealed partial class FundingCodeValidationHandler(
    ILocalAuthorityPortal portal,
    IParentMessenger messenger,
    Pseudonymizer pseudonymizer,
    TelemetrySecrets secrets,
    Meter meter,
    ILogger<FundingCodeValidationHandler> logger)
{
    private static readonly ActivitySource Source = new("EarlyYears.Funding");

    private readonly List<string> expiredCodes = new();
    private readonly Dictionary<string, decimal> hoursByChild = new();
    private string? lastDuplicateChild;

    public async Task<EligibilityResult> ValidateAsync(string settingUrn, string parentAccountId, EligibilityCodeCheck check, CancellationToken cancellationToken)
    {
        using var span = Source.StartEyfundingOperation(settingUrn);
        span.SetEyfundingParentId(pseudonymizer.PseudonymizeEyfundingParentId(parentAccountId)); // clean precision-pseudonym
        Activity.Current?.SetTag("funding.term", check.Term);
        Activity.Current?.SetTag("funding.eligibility_code", check.EligibilityCode); // leak TC1001 direct
        Activity.Current?.SetTag("funding.eligibility_code_length", check.EligibilityCode.Length); // clean precision-about
        Activity.Current?.SetTag("funding.child_age_months", AgeInMonths(check.ChildDateOfBirth)); // clean precision-about
        LogChecking(logger, check.Term, check.EligibilityCode); // leak TC1001 logging-objects
        LogCheckingRedacted(logger, check.Term, check.ParentNino); // clean logging-objects

        var started = Stopwatch.GetTimestamp();
        var result = await portal.CheckAsync(check, cancellationToken);
        meter.CreateEyfundingValidationDurationHistogram().Record(Stopwatch.GetElapsedTime(started).TotalSeconds, settingUrn); // clean generated-api

        logger.LogInformation("Eligibility answer {@Result}", result); // clean logging-objects
        span.SetEyfundingStream(result.Stream); // clean precision-about

        if (!result.Valid && result.GraceEnd is { } graceEnd)
        {
            var expired = new EligibilityCodeExpiredException(check.EligibilityCode, graceEnd);
            expiredCodes.Add(check.EligibilityCode);
            span.SetEyfundingOutcome(expired.Message); // leak TC1001 generated-api
            logger.LogEyfundingOperationFailedEvent(settingUrn, "grace-ended", eyfundingNote: $"Grace ended {graceEnd:yyyy-MM-dd}"); // clean generated-api
            meter.CreateEyfundingClaimsCounter().Add(1, settingUrn, check.EligibilityCode); // leak TC1003 generated-api
            Activity.Current?.SetTag("funding.code_bucket", CodeBucket(check.EligibilityCode)); // clean hashes
            Activity.Current?.SetTag("funding.code_hash", check.EligibilityCode.GetHashCode()); // leak TC1002 hashes
        }

        return result;
    }

    public async Task<HeadcountSubmission?> SubmitHeadcountAsync(string settingUrn, IReadOnlyList<FundingClaimLine> lines, CancellationToken cancellationToken)
    {
        using var span = Source.StartEyfundingOperation(settingUrn).SetEyfundingClaimCount(lines.Count); // clean precision-about
        foreach (var line in lines)
        {
            hoursByChild[line.ChildId] = line.HoursPerWeek;
        }

        logger.LogInformation("Submitting {Lines}", lines); // leak TC1001 logging-objects
        logger.LogInformation("Submitting streams {Streams}", lines.GroupBy(l => l.Stream).ToDictionary(g => g.Key, g => g.Count())); // clean logging-objects
        try
        {
            var receipt = await portal.SubmitAsync(settingUrn, lines, cancellationToken);
            logger.LogInformation("Headcount accepted: {Receipt}", receipt); // clean logging-objects
            return receipt;
        }
        catch (DuplicateFundingException ex)
        {
            lastDuplicateChild = lines.FirstOrDefault()?.ChildName;
            logger.LogError(ex, "Headcount rejected for {Setting}", settingUrn); // leak TC1001 exceptions
            span.SetEyfundingNote(ex.GetType().Name); // clean exceptions
            return null;
        }
        catch (HeadcountDeadlineMissedException ex)
        {
            span.SetEyfundingNote(ex.Message); // clean exceptions
            return null;
        }
    }

    public void LogTermSummary()
    {
        logger.LogInformation("{Count} codes past their grace period", expiredCodes.Count); // clean cross-member
        logger.LogInformation("Codes past their grace period: {Codes}", expiredCodes); // leak TC1001 cross-member
        logger.LogInformation("Funded hours this term: {Hours}", hoursByChild.Values.Sum()); // clean cross-member
        Activity.Current?.SetTag("funding.last_duplicate", lastDuplicateChild); // leak TC1001 cross-member
    }

    private string CodeBucket(string code) =>
        Convert.ToHexString(HMACSHA256.HashData(secrets.ShardKey, Encoding.UTF8.GetBytes(code)))[..2];

    private static int AgeInMonths(DateOnly dateOfBirth)
    {
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        return (today.Year - dateOfBirth.Year) * 12 + today.Month - dateOfBirth.Month;
    }

    [LoggerMessage(EventId = 5301, Level = LogLevel.Information, Message = "Checking code for {Term}: {EligibilityCode}")]
    private static partial void LogChecking(ILogger logger, string term, string eligibilityCode);

    [LoggerMessage(EventId = 5302, Level = LogLevel.Information, Message = "Checking parent for {Term}: {ParentNino}")]
    private static partial void LogCheckingRedacted(ILogger logger, string term, [PrivateData] string parentNino);
}
