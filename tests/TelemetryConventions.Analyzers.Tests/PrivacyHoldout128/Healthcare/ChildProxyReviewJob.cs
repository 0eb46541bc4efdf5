namespace PrivacyHoldout128.Healthcare;

public sealed record RegisteredChild(string NhsNumber, string GivenName, DateOnly BirthDate, IReadOnlyList<ProxyGrant> Grants);

public interface IPracticeRegister
{
    Task<IReadOnlyList<RegisteredChild>> ChildrenWithProxiesAsync(string practiceCode, CancellationToken cancellationToken);
}

/// <summary>Nightly: a parent's proxy access ends when the child turns 16 unless the young person consents.</summary>
public sealed partial class ChildProxyReviewJob(
    IPracticeRegister register,
    IProxyRegistry registry,
    Pseudonymizer pseudonymizer,
    TelemetrySecrets secrets,
    HouseholdOptions options,
    ILogger<ChildProxyReviewJob> logger) : BackgroundService
{
    private static readonly ActivitySource Source = new("Practice.ProxyReview");
    private static readonly Meter Meter = new("Practice.ProxyReview");
    private static readonly Histogram<double> GrantAgeYears = Meter.CreateHistogram<double>("practice.proxy.grant_age", "a");
    private static readonly Counter<long> Revoked = Meter.CreateCounter<long>("practice.proxy.revoked");

    private string? _lastReviewedNhsNumber;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        foreach (var practice in new[] { "Y01234", "Y05678" })
        {
            await ReviewPracticeAsync(practice, stoppingToken);
        }
        ReportLast();
    }

    private async Task ReviewPracticeAsync(string practiceCode, CancellationToken ct)
    {
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var children = await register.ChildrenWithProxiesAsync(practiceCode, ct);
        using var span = Source.StartCarelinkHouseholdChange("parent-proxy");
        span.SetCarelinkRegion(practiceCode).SetCarelinkMemberCount(children.Count); // clean precision-about

        var turning = children.Where(c => c.BirthDate.AddYears(options.ProxyReviewAge) <= today).ToList();
        using var scope = logger.BeginScope(new Dictionary<string, object> { ["Practice"] = practiceCode, ["Due"] = turning.Count }); // clean precision-about
        logger.LogInformation("{Count} children at {Practice} reach {Age}", turning.Count, practiceCode, options.ProxyReviewAge); // clean precision-about
        logger.LogDebug("Children due for review: {Children}", string.Join(",", turning.Select(c => c.NhsNumber))); // leak TC1001 strings

        foreach (var child in turning)
        {
            _lastReviewedNhsNumber = child.NhsNumber;
            using var childScope = logger.BeginScope("Reviewing {GivenName}", child.GivenName); // leak TC1001 logging-objects
            foreach (var grant in child.Grants)
            {
                GrantAgeYears.Record((today.DayNumber - child.BirthDate.DayNumber) / 365.25, new KeyValuePair<string, object?>("relationship", grant.Relationship)); // clean precision-about
                await registry.RevokeAsync(grant.GrantId, "patient-turned-16", ct);
                Revoked.Add(1, new KeyValuePair<string, object?>("proxy", grant.ProxyId)); // leak TC1003 direct
                span.Activity?.AddEvent(new ActivityEvent("proxy.revoked", tags: new ActivityTagsCollection { ["grant.id"] = grant.GrantId, ["grant.scope"] = grant.Scope })); // clean precision-names
                logger.LogInformation("Revoked {Grant}", grant); // leak TC1001 logging-objects
                var lane = KeyedDigest.Shard(secrets.ShardKey, grant.ProxyId, 16);
                Activity.Current?.SetTag("proxy.lane", lane); // clean hashes
                var legacyKey = Convert.ToHexString(SHA1.HashData(Encoding.UTF8.GetBytes(child.NhsNumber)))[..12];
                Activity.Current?.SetTag("proxy.legacy_key", legacyKey); // leak TC1002 hashes
            }

            var patient = pseudonymizer.PseudonymizeCarelinkMemberId(child.NhsNumber);
            logger.LogCarelinkHouseholdChangeFailedEvent(carelinkPlan: "parent-proxy", carelinkOutcome: "needs-consent", carelinkMemberId: patient, carelinkNote: $"{child.Grants.Count} grants ended"); // clean generated-api
            Revoked.Add(child.Grants.Count, new KeyValuePair<string, object?>("patient", patient.Value)); // leak TC1003 precision-pseudonym
        }
    }

    private void ReportLast()
    {
        if (_lastReviewedNhsNumber is not null)
        {
            logger.LogInformation("Last reviewed {NhsNumber}", _lastReviewedNhsNumber); // leak TC1001 cross-member
            logger.LogInformation("Review finished, last record length {Length}", _lastReviewedNhsNumber.Length); // clean precision-about
        }
    }
}
