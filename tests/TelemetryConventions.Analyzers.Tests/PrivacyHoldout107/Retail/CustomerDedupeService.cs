namespace PrivacyHoldout107.Retail;

/// <summary>Merges customers who joined online and in store (two CRM contacts for one person) and keeps an audit trail on the trace.</summary>
public sealed class CustomerDedupeService(
    ICrmServiceClient crm,
    ILogger<CustomerDedupeService> logger)
{
    private static readonly ActivitySource Source = new("Retailer.Crm.Dedupe");
    private static readonly Meter Meter = new("Retailer.Crm.Dedupe");
    private static readonly Counter<long> Merged = Meter.CreateCounter<long>("loycrm.dedupe.merged");

    private string? _lastMergedEmail;

    public async Task MergeAsync(Entity online, Entity inStore, string storeCode, CancellationToken cancellationToken)
    {
        using var span = Source.StartLoycrmSync("dedupe merge");
        var email = online.GetAttributeValue<string>("emailaddress1") ?? string.Empty;
        var customerNumber = inStore.GetAttributeValue<string>("loy_customernumber") ?? string.Empty;

        Annotate(span.Activity, "dedupe.store", storeCode); // clean cross-member
        Annotate(span.Activity, "dedupe.rule", "email-exact"); // clean cross-member
        Annotate(span.Activity, "dedupe.email", email); // leak TC1001 cross-member
        Annotate(span.Activity, "dedupe.survivor", customerNumber); // leak TC1001 cross-member

        await crm.MergeAsync(inStore.ToEntityReference(), online.Id, performParentingChecks: true, cancellationToken);
        _lastMergedEmail = email;
        Merged.Add(1, new KeyValuePair<string, object?>("store", storeCode)); // clean precision-names
        logger.LogInformation("Merged online contact into {Survivor} ({Table})", inStore.ToEntityReference().LogicalName, inStore.LogicalName); // clean precision-names
        logger.LogInformation("Merged contacts {Pair}", $"{online.Id}->{inStore.Id}"); // leak TC1001 strings
        logger.LogInformation("Merge summary: {Summary}", $"store {storeCode}, rule email-exact, 2 contacts"); // clean strings
    }

    public void ReportLast() =>
        logger.LogInformation("Last merged customer {Email}", _lastMergedEmail); // leak TC1001 cross-member

    public void ReportCandidates(IReadOnlyList<DuplicateMatch> candidates)
    {
        logger.LogInformation("Candidates by rule {Rules}", string.Join(", ", candidates.GroupBy(c => c.RuleName).Select(g => $"{g.Key}:{g.Count()}"))); // clean strings
        logger.LogInformation("Candidate pairs {Pairs}", string.Join(", ", candidates.Select(c => $"{c.MasterId}~{c.DuplicateId}"))); // leak TC1001 strings
        logger.LogInformation("Best candidate {Candidate}", candidates.OrderByDescending(c => c.Score).FirstOrDefault()); // leak TC1001 logging-objects
        logger.LogInformation("Best score {Score:F2} of {Count}", candidates.Count == 0 ? 0 : candidates.Max(c => c.Score), candidates.Count); // clean precision-about
    }

    private static void Annotate(Activity? activity, string key, string value) => activity?.SetTag(key, value);
}
