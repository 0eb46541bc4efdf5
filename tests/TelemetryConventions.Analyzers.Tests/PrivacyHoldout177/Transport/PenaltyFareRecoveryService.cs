namespace PrivacyHoldout177.Transport;

/// <summary>Recovers unpaid penalty fares: final notices, payment plans for passengers in hardship and referral to court.</summary>
public sealed partial class PenaltyFareRecoveryService(
    Pseudonymizer pseudonymizer,
    TelemetrySecrets secrets,
    ILogger<PenaltyFareRecoveryService> logger,
    CollectionsOptions options)
{
    private static readonly ActivitySource Source = new("Operator.Revenue.PenaltyFares");
    private static readonly Meter Meter = new("Operator.Revenue.PenaltyFares");
    private static readonly Counter<long> Referrals = Meter.CreateCounter<long>("penaltyfares.referrals");
    private readonly FaresrecoveryOperationsCounter _operations = Meter.CreateFaresrecoveryOperationsCounter();
    private readonly FaresrecoveryOperationDurationHistogram _duration = Meter.CreateFaresrecoveryOperationDurationHistogram();
    private PenaltyFareDebt? _current;

    public void SendFinalNotice(PenaltyFareDebt debt)
    {
        _current = debt;
        var started = Stopwatch.GetTimestamp();
        using var span = Source.StartFaresrecoveryOperation("revenue-protection");
        span.SetFaresrecoveryDebtorId(pseudonymizer.PseudonymizeFaresrecoveryDebtorId(debt.Email)); // clean precision-pseudonym
        span.SetFaresrecoveryStage("final_notice"); // clean precision-about
        span.Activity?.SetTag("notice.number", debt.NoticeNumber); // clean precision-names
        span.Activity?.SetTag("notice.amount", debt.Amount); // clean precision-about
        span.Activity?.SetTag("passenger.name", debt.PassengerName); // leak TC1001 direct
        span.Activity?.SetTag("passenger.address", debt.Address); // leak TC1001 direct
        span.Activity?.SetTag("passenger.email", debt.Email); // leak TC1001 direct
        span.Activity?.SetTag("passenger.name_parts", debt.PassengerName.Split(' ').Length); // clean precision-about
        span.SetFaresrecoveryNote($"Final notice {debt.NoticeNumber} sent by post to {debt.Address}"); // leak TC1001 generated-api
        span.SetFaresrecoveryNote($"Final notice {debt.NoticeNumber} sent by post"); // clean generated-api
        _operations.Add(1, "revenue-protection", "final_notice"); // clean generated-api
        _duration.Record(Stopwatch.GetElapsedTime(started).TotalSeconds, "revenue-protection"); // clean generated-api
        logger.LogInformation("Final notice {Notice} sent", debt.NoticeNumber); // clean precision-names
        logger.LogInformation("Final notice sent {Debt}", debt); // leak TC1001 logging-objects
        NoticeSent(logger, debt.PassengerName, debt.NoticeNumber); // leak TC1001 cross-member
        NoticeSentRedacted(logger, debt.Email, debt.NoticeNumber); // clean logging-objects
    }

    public void TraceCurrent()
    {
        Activity.Current?.SetTag("recovery.current_passenger", _current?.Email); // leak TC1001 cross-member
        Activity.Current?.SetTag("recovery.current_amount", _current?.Amount); // clean precision-about
    }

    public void AgreeHardshipPlan(PenaltyFareDebt debt, string hardshipStatement, IncomeExpenditure assessment)
    {
        using var span = Source.StartFaresrecoveryOperation("revenue-protection");
        span.SetFaresrecoveryStage("plan"); // clean precision-about
        span.Activity?.SetTag("hardship.statement", hardshipStatement); // leak TC1001 direct
        span.Activity?.SetTag("hardship.statement_length", hardshipStatement.Length); // clean precision-about
        span.Activity?.SetTag("ie.dependants", assessment.Dependants); // clean precision-about
        span.Activity?.SetTag("ie.disposable", assessment.Disposable); // clean precision-about
        var plan = new PaymentPlan($"PF-PLAN-{debt.NoticeNumber}", debt.Email, Math.Max(options.MinimumInstalment, assessment.Disposable / 10), "weekly", 8);
        logger.LogInformation("Hardship plan {Plan}", plan); // leak TC1001 logging-objects
        logger.LogInformation("Hardship plan {PlanId} of {Instalments} instalments", plan.PlanId, plan.Instalments); // clean precision-names
        logger.LogFaresrecoveryOperationFailedEvent("revenue-protection", "plan", pseudonymizer.PseudonymizeFaresrecoveryDebtorId(debt.Email), hardshipStatement); // leak TC1001 generated-api
        logger.LogFaresrecoveryOperationFailedEvent("revenue-protection", "plan", pseudonymizer.PseudonymizeFaresrecoveryDebtorId(debt.Email), $"{assessment.Dependants} dependants"); // clean generated-api
    }

    public void ReferToCourt(PenaltyFareDebt debt, CourtClaim claim)
    {
        using var span = Source.StartFaresrecoveryOperation("prosecutions");
        span.SetFaresrecoveryStage("court"); // clean precision-about
        span.Activity?.SetTag("claim.court", claim.Court); // clean precision-names
        Referrals.Add(1, new KeyValuePair<string, object?>("court", claim.Court)); // clean precision-names
        Referrals.Add(1, new KeyValuePair<string, object?>("passenger", pseudonymizer.PseudonymizeFaresrecoveryDebtorId(debt.Email))); // leak TC1003 precision-pseudonym
        var group = HMACSHA256.HashData(secrets.ShardKey, Encoding.UTF8.GetBytes(debt.Email))[0] % 4;
        Referrals.Add(1, new KeyValuePair<string, object?>("group", group)); // clean hashes
        var caseKey = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(claim.DefendantName)))[..12];
        span.Activity?.SetTag("claim.defendant_key", caseKey); // leak TC1002 hashes
        var weakKey = claim.DefendantName.GetHashCode();
        logger.LogDebug("Defendant bucket {Bucket}", weakKey); // leak TC1002 hashes
        span.Activity?.SetTag("claim.summary", "Claim against " + claim.DefendantName + " at " + claim.Court); // leak TC1001 strings
        span.Activity?.SetTag("claim.summary", "Claim at " + claim.Court + " for " + claim.Amount); // clean strings
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Final notice sent to {PassengerName} for {NoticeNumber}")]
    private static partial void NoticeSent(ILogger logger, string passengerName, string noticeNumber);

    [LoggerMessage(Level = LogLevel.Information, Message = "Final notice sent to {Email} for {NoticeNumber}")]
    private static partial void NoticeSentRedacted(ILogger logger, [PrivateData] string email, string noticeNumber);
}
