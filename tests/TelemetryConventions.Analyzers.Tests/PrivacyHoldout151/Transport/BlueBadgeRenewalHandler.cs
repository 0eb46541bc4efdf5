namespace PrivacyHoldout151.Transport;

/// <summary>Blue Badge renewals: holders on the higher rate of the mobility component are renewed without assessment.</summary>
public sealed class BlueBadgeRenewalHandler(
    IBenefitsGateway benefits,
    ActivitySource source,
    Meter meter,
    Pseudonymizer pseudonymizer,
    TelemetrySecrets secrets,
    ILogger<BlueBadgeRenewalHandler> logger)
{
    private readonly Counter<long> _renewals = meter.CreateCounter<long>("bluebadge.renewals");
    private BlueBadge? _badge;
    private string? _holderNino;

    public void Load(BlueBadge badge, string holderNino)
    {
        _badge = badge;
        _holderNino = holderNino;
        Activity.Current?.SetTag("bluebadge.council", badge.Council); // clean precision-about
        Activity.Current?.SetTag("bluebadge.issuer", badge.BadgeNumber[..3]); // clean precision-about
    }

    public async Task<bool> RenewAsync(CancellationToken cancellationToken)
    {
        var badge = _badge ?? throw new InvalidOperationException("No badge loaded");
        using var span = source.StartConcessionOperation(badge.Council);
        span.SetConcessionClaimantId(pseudonymizer.PseudonymizeConcessionClaimantId(_holderNino!)); // clean precision-pseudonym
        Activity.Current?.SetTag("bluebadge.number", badge.BadgeNumber); // leak TC1001 cross-member
        Activity.Current?.SetTag("bluebadge.holder", badge.HolderName); // leak TC1001 cross-member
        Activity.Current?.SetTag("bluebadge.holder.key", Convert.ToHexString(HMACSHA256.HashData(secrets.PseudonymKey, Encoding.UTF8.GetBytes(_holderNino!)))); // clean hashes
        Activity.Current?.SetTag("bluebadge.holder.sha", Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(_holderNino!)))); // leak TC1002 hashes

        var check = await benefits.CheckAsync(_holderNino!, DateOnly.MinValue, badge.HolderName.Split(' ')[^1], cancellationToken);
        var automatic = check.InPayment && check.Benefit == "PIP-mobility-enhanced";
        Activity.Current?.SetTag("bluebadge.automatic", automatic); // clean precision-about
        Activity.Current?.SetTag("bluebadge.benefit", check.Benefit); // clean precision-about
        _renewals.Add(1, new KeyValuePair<string, object?>("automatic", automatic), new KeyValuePair<string, object?>("council", badge.Council)); // clean precision-about
        _renewals.Add(1, new KeyValuePair<string, object?>("badge", badge.BadgeNumber)); // leak TC1003 cross-member
        meter.CreateConcessionTapsCounter().Add(1, concessionOperator: badge.Council, concessionOutcome: automatic ? "auto-renewed" : "assessment"); // clean generated-api
        logger.LogInformation("Badge renewal for {Badge}: automatic {Automatic}", badge, automatic); // leak TC1001 logging-objects
        logger.LogInformation("Badge renewal in {Council}: automatic {Automatic}, check {CheckId}", badge.Council, automatic, check.CheckId); // clean precision-names
        span.SetConcessionNote(automatic ? "Renewed automatically" : $"Assessment needed for {badge.HolderName}"); // leak TC1001 generated-api
        Activity.Current?.SetTag(ConcessionAttributes.Contact, _holderNino); // leak TC1001 generated-api
        return automatic;
    }
}
