namespace PrivacyHoldout151.Gaming;

/// <summary>The casino's safer gambling monitor: affordability bands for players on benefits, referrals to debt advice after heavy losses.</summary>
public sealed partial class SaferGamblingMonitor(
    IDebtAdvice debtAdvice,
    ActivitySource source,
    Meter meter,
    Pseudonymizer pseudonymizer,
    ILogger<SaferGamblingMonitor> logger)
{
    private readonly Counter<long> _referrals = meter.CreateCounter<long>("safergambling.referrals");
    private readonly Histogram<double> _losses = meter.CreateHistogram<double>("safergambling.losses", "GBP");

    public void RecordAffordability(AffordabilityCheck check, string studio)
    {
        using var span = source.StartPlaysafeOperation(studio);
        span.SetPlaysafePlayerId(pseudonymizer.PseudonymizePlaysafePlayerId(check.PlayerId.ToString())); // clean precision-pseudonym
        span.SetPlaysafeOutcome(check.Band); // clean generated-api
        Activity.Current?.SetTag("affordability.on_benefits", check.OnBenefits); // clean precision-about
        Activity.Current?.SetTag("affordability.player", check.PlayerId); // leak TC1001 direct
        Activity.Current?.SetTag("affordability.player.guid", new Guid(SHA256.HashData(check.PlayerId.ToByteArray())[..16])); // leak TC1002 hashes
        meter.CreatePlaysafeChecksCounter().Add(1, playsafeStudio: studio, playsafeOutcome: check.Band); // clean generated-api
        meter.CreatePlaysafeChecksCounter().Add(1, playsafeStudio: studio, playsafeOutcome: $"{check.Band}:{check.PlayerId}"); // leak TC1003 generated-api
        LogBand(logger, check.PlayerId, check.Band); // leak TC1001 logging-objects
        logger.LogInformation("Affordability band {Band} set, on benefits {OnBenefits}", check.Band, check.OnBenefits); // clean precision-about
    }

    public async Task ReferAsync(SaferGamblingReferral referral, string studio, CancellationToken cancellationToken)
    {
        using var span = source.StartPlaysafeOperation(studio);
        _losses.Record((double)referral.LossesLast30Days, new KeyValuePair<string, object?>("trigger", referral.Trigger)); // clean precision-about
        _losses.Record((double)referral.LossesLast30Days, new KeyValuePair<string, object?>("player", referral.PlayerId)); // leak TC1003 direct
        Activity.Current?.SetTag("safergambling.trigger", referral.Trigger); // clean precision-about
        Activity.Current?.SetTag(PlaysafeAttributes.Contact, referral.Email); // leak TC1001 generated-api
        Activity.Current?.SetTag("safergambling.email.domain", new MailAddressLike(referral.Email).Host); // clean precision-about

        try
        {
            var adviserReference = await debtAdvice.ReferAsync(referral, cancellationToken);
            Activity.Current?.SetTag("safergambling.adviser.reference", adviserReference); // clean precision-names
            _referrals.Add(1, new KeyValuePair<string, object?>("trigger", referral.Trigger), new KeyValuePair<string, object?>("studio", studio)); // clean precision-about
            logger.LogInformation("Referred to debt advice: {Referral}", referral); // leak TC1001 logging-objects
            logger.LogInformation("Referred to debt advice as {AdviserReference} after {Trigger}", adviserReference, referral.Trigger); // clean precision-names
        }
        catch (DebtAdviceUnavailableException ex)
        {
            span.RecordException(ex, includeMessage: true); // clean exceptions
            logger.LogPlaysafeOperationFailedEvent(studio, "advice-down", playsafePlayerId: pseudonymizer.PseudonymizePlaysafePlayerId(referral.PlayerId.ToString()), playsafeNote: ex.Message); // clean generated-api
            logger.LogPlaysafeOperationFailedEvent(studio, "advice-down", playsafeNote: $"Referral for {referral.Email} not sent"); // leak TC1001 generated-api
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Affordability band for {PlayerId}: {Band}")]
    private static partial void LogBand(ILogger logger, Guid playerId, string band);

    private readonly record struct MailAddressLike(string Address)
    {
        public string Host => Address[(Address.LastIndexOf('@') + 1)..];
    }
}
