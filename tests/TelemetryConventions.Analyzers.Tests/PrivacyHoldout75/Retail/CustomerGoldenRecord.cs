namespace PrivacyHoldout75.Retail;

public sealed record CustomerSourceRecord(
    string Source,
    string SourceKey,
    string CustomerNumber,
    string? Email,
    string? Phone,
    string FullName,
    string? Postcode,
    string? LoyaltyCard,
    DateTimeOffset UpdatedAt);

public sealed record GoldenCustomer(
    Guid GoldenId,
    string CustomerNumber,
    string? Email,
    string? Phone,
    string FullName,
    string? Postcode,
    string? LoyaltyCard,
    IReadOnlyList<string> SourceKeys);

public sealed record SurvivorPick(string Field, string? Value, string Source, string Rule);

public interface IGoldenStore
{
    /// <summary>
    /// Saves a golden record. Throws <see cref="DuplicateRecordException"/> (entity "customer", the
    /// customer number of the golden record that already holds the loyalty card, and this one's).
    /// </summary>
    Task SaveAsync(GoldenCustomer golden, CancellationToken cancellationToken);
}

/// <summary>
/// Builds a customer's golden record from the cluster of source records the matcher put together
/// (web shop accounts, CRM contacts, loyalty members): survivorship picks each field from one source
/// by a rule; the golden id is the customer's master key across the estate. A source key is the
/// person's key in that source (a web account id, a CRM contact id, a loyalty member number).
/// </summary>
public sealed class CustomerGoldenRecord(
    IGoldenStore store,
    IReviewQueue review,
    ActivitySource source,
    Meter meter,
    Pseudonymizer pseudonymizer,
    TelemetrySecrets secrets,
    ILogger<CustomerGoldenRecord> logger)
{
    private readonly Histogram<double> _scores = meter.CreateHistogram<double>("custmdm.match.score");
    private readonly Counter<long> _picks = meter.CreateCounter<long>("custmdm.survivorship.picks", "{field}");

    public async Task<GoldenCustomer> BuildAsync(string runId, IReadOnlyList<CustomerSourceRecord> cluster, CancellationToken cancellationToken)
    {
        using var span = source.StartCustmdmRun(runId);
        span.SetCustmdmRecords(cluster.Count);
        logger.LogDebug("Cluster from {Sources}", cluster.Select(r => r.Source).Distinct().ToList()); // clean precision-names
        logger.LogDebug("Cluster members {Members}", cluster.Select(r => r.SourceKey).ToList()); // leak TC1001 logging-objects

        var picks = new[]
        {
            Pick(cluster, nameof(GoldenCustomer.Email), r => r.Email, "most-recent-non-null"),
            Pick(cluster, nameof(GoldenCustomer.Phone), r => r.Phone, "most-recent-non-null"),
            Pick(cluster.Where(r => r.Source == "crm").DefaultIfEmpty(cluster[0]).ToList(), nameof(GoldenCustomer.FullName), r => r.FullName, "crm-wins"),
            Pick(cluster.Where(r => r.Source == "web").DefaultIfEmpty(cluster[0]).ToList(), nameof(GoldenCustomer.Postcode), r => r.Postcode, "last-delivery"),
            Pick(cluster, nameof(GoldenCustomer.LoyaltyCard), r => r.LoyaltyCard, "most-recent-non-null"),
        };
        foreach (var pick in picks)
        {
            _picks.Add(1, new KeyValuePair<string, object?>("field", pick.Field), new KeyValuePair<string, object?>("source", pick.Source), new KeyValuePair<string, object?>("rule", pick.Rule)); // clean precision-about
            logger.LogDebug("{Field} survived from {Source} by {Rule}", pick.Field, pick.Source, pick.Rule); // clean precision-names
            logger.LogTrace("{Field} = {Value} from {Source}", pick.Field, pick.Value, pick.Source); // leak TC1001 direct
        }
        logger.LogDebug("Survivorship result {Picks}", picks.ToList()); // leak TC1001 logging-objects

        var oldest = cluster.MinBy(r => r.UpdatedAt)!;
        var golden = new GoldenCustomer(Guid.NewGuid(), oldest.CustomerNumber, picks[0].Value, picks[1].Value, picks[2].Value ?? oldest.FullName, picks[3].Value, picks[4].Value, cluster.Select(r => r.SourceKey).ToList());
        span.SetCustmdmCustomerId(pseudonymizer.PseudonymizeCustmdmCustomerId(golden.CustomerNumber)); // clean precision-pseudonym
        Activity.Current?.SetTag("custmdm.golden_id", golden.GoldenId.ToString("N")); // leak TC1001 direct
        Activity.Current?.SetTag(CustmdmAttributes.CustomerContact, golden.Email is null ? "none" : pseudonymizer.Pseudonymize("customer-email", golden.Email).Value); // leak TC1001 precision-pseudonym
        Activity.Current?.SetTag("custmdm.contact_channels", (golden.Email is null ? 0 : 1) + (golden.Phone is null ? 0 : 1)); // clean precision-about
        logger.LogInformation("Golden record built: {Golden}", golden); // leak TC1001 logging-objects
        logger.LogInformation("Golden record built from {Count} sources with rule set {RuleSet}", cluster.Count, "survivorship-v7"); // clean precision-about

        try
        {
            await store.SaveAsync(golden, cancellationToken);
        }
        catch (DuplicateRecordException ex)
        {
            logger.LogWarning(ex, "Loyalty card already on another golden record"); // leak TC1001 exceptions
            span.RecordException(ex).SetCustmdmOutcome("duplicate-card"); // clean exceptions
            logger.LogCustmdmMismatchEvent("loyalty-card-unique", "duplicate", custmdmNote: $"card ending {golden.LoyaltyCard?[^4..]}"); // clean generated-api
            await review.EnqueueAsync(new MatchCandidate(golden.CustomerNumber, golden.LoyaltyCard ?? string.Empty, 1.0, "loyalty-card"), "card-collision", cancellationToken);
        }
        return golden;
    }

    public void ScorePairs(string runId, IReadOnlyList<MatchCandidate> pairs, IReadOnlyDictionary<string, CustomerSourceRecord> records)
    {
        using var span = source.StartCustmdmRun(runId);
        foreach (var pair in pairs)
        {
            _scores.Record(pair.Score, new KeyValuePair<string, object?>("rule", pair.Rule)); // clean precision-about
            if (pair.Score is > 0.7 and < 0.9)
            {
                logger.LogInformation("Ambiguous pair {Left} / {Right} scored {Score}", pair.LeftKey, pair.RightKey, pair.Score); // leak TC1001 direct
            }
        }
        logger.LogInformation("{Count} pairs scored 0.9 or more", pairs.Count(p => p.Score >= 0.9)); // clean precision-about
        var top = pairs.OrderByDescending(p => p.Score).Take(5).ToList();
        logger.LogInformation("Top pairs {@Pairs}", top); // leak TC1001 logging-objects
        span.SetCustmdmRule(string.Join(",", top.Select(p => p.Rule).Distinct())); // clean precision-names

        var email = records[pairs[0].LeftKey].Email ?? string.Empty;
        var emailKey = Convert.ToHexString(MD5.HashData(Encoding.UTF8.GetBytes(email.Trim().ToLowerInvariant())));
        span.SetCustmdmNote($"blocked on email key {emailKey[..8]}"); // leak TC1002 hashes
        var shard = HMACSHA256.HashData(secrets.ShardKey, Encoding.UTF8.GetBytes(email))[0] % 32;
        Activity.Current?.SetTag("custmdm.shard", shard); // clean hashes
    }

    private static SurvivorPick Pick(IReadOnlyList<CustomerSourceRecord> records, string field, Func<CustomerSourceRecord, string?> read, string rule)
    {
        var winner = records.Where(r => read(r) is not null).OrderByDescending(r => r.UpdatedAt).FirstOrDefault() ?? records[0];
        return new SurvivorPick(field, read(winner), winner.Source, rule);
    }
}
