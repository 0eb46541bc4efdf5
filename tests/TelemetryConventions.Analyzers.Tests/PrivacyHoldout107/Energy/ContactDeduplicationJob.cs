namespace PrivacyHoldout107.Energy;

/// <summary>Finds duplicate customer contacts in the CRM (same account holder created by the web join and by the call centre) and merges them.</summary>
public sealed class ContactDeduplicationJob(
    ICrmServiceClient crm,
    TelemetrySecrets secrets,
    ILogger<ContactDeduplicationJob> logger)
{
    private static readonly ActivitySource Source = new("Supplier.Crm.Dedupe");
    private static readonly Meter Meter = new("Supplier.Crm.Dedupe");
    private static readonly Histogram<double> MatchScores = Meter.CreateHistogram<double>("enrcrm.dedupe.score");
    private static readonly Counter<long> Merges = Meter.CreateCounter<long>("enrcrm.dedupe.merges");

    private static readonly DuplicateRule Rule = new("email+postcode", ["emailaddress1", "address1_postalcode"], 0.92);

    public async Task RunAsync(IReadOnlyList<Entity> contacts, CancellationToken cancellationToken)
    {
        using var span = Source.StartEnrcrmSync("dedupe");
        span.SetEnrcrmNote($"rule {Rule.Name} over {contacts.Count} contacts"); // clean generated-api
        logger.LogInformation("Deduplicating with {Rule}", Rule); // clean logging-objects

        foreach (var group in contacts.GroupBy(MatchCode).Where(g => g.Count() > 1))
        {
            var master = group.OrderBy(c => c.GetAttributeValue<DateTime>("createdon")).First();
            foreach (var duplicate in group.Where(c => c.Id != master.Id))
            {
                var match = new DuplicateMatch(master.Id, duplicate.Id, Rule.Name, 0.97);
                logger.LogInformation("Merging {Match}", match); // leak TC1001 logging-objects
                logger.LogInformation("Merging on key {MatchCode}", group.Key); // leak TC1001 strings
                span.SetEnrcrmMatchKey(group.Key); // leak TC1001 generated-api
                span.Activity?.SetTag("dedupe.bucket", Bucket(group.Key)); // clean hashes
                span.Activity?.SetTag("dedupe.fingerprint", Convert.ToHexString(MD5.HashData(Encoding.UTF8.GetBytes(group.Key)))); // leak TC1002 hashes
                MatchScores.Record(match.Score, new KeyValuePair<string, object?>("rule", match.RuleName)); // clean precision-names

                try
                {
                    await crm.MergeAsync(master.ToEntityReference(), duplicate.Id, performParentingChecks: false, cancellationToken);
                    Merges.Add(1, new KeyValuePair<string, object?>("rule", Rule.Name)); // clean precision-names
                }
                catch (CrmFaultException ex)
                {
                    logger.LogWarning("Merge failed with {Code} for surviving contact {Master}", ex.ErrorCode, master.Id); // leak TC1001 direct
                    logger.LogWarning("Merge failed with {Code} after {Attempts} attempts", ex.ErrorCode, 1); // clean precision-about
                }
                catch (CrmThrottledException ex)
                {
                    logger.LogWarning(ex, "Throttled, retrying after {RetryAfter}", ex.RetryAfter); // clean exceptions
                    span.RecordException(ex, includeMessage: true); // clean exceptions
                    await Task.Delay(ex.RetryAfter, cancellationToken);
                }
            }
        }
    }

    private static string MatchCode(Entity contact) =>
        $"{contact.GetAttributeValue<string>("emailaddress1")?.Trim().ToLowerInvariant()}|{contact.GetAttributeValue<string>("address1_postalcode")?.Replace(" ", "", StringComparison.Ordinal)}";

    private string Bucket(string matchCode) =>
        Convert.ToHexString(HMACSHA256.HashData(secrets.ShardKey, Encoding.UTF8.GetBytes(matchCode)))[..2];
}
