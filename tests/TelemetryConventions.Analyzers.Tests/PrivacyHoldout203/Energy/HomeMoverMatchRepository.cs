namespace PrivacyHoldout203.Energy;

/// <summary>The supplier's side of a council's canvass data matching: new account holders by property, so the register can invite them.</summary>
public sealed class HomeMoverMatchRepository(ISectorStore store, Pseudonymizer pseudonymizer, ILogger<HomeMoverMatchRepository> logger)
{
    private static readonly ActivitySource Source = new("Supplier.CanvassMatch");
    private static readonly Meter Meter = new("Supplier.CanvassMatch");
    private static readonly Histogram<int> BatchSize = Meter.CreateHistogram<int>("supplier.canvass_match.batch_size");

    public async Task<int> ExportAsync(string councilCode, IReadOnlyList<HomeMoverMatch> matches, CancellationToken ct)
    {
        using var activity = Source.StartActivity("canvass_match.export");
        activity?.SetTag("council.code", councilCode); // clean precision-about
        activity?.SetTag("match.count", matches.Count); // clean precision-about
        activity?.SetTag("match.districts", matches.Select(m => m.PollingDistrict).Distinct().Count()); // clean precision-about
        activity?.SetTag("match.first_uprn", matches.FirstOrDefault()?.Uprn); // leak TC1001 direct
        activity?.SetTag("match.account_holders", string.Join("|", matches.Select(m => m.AccountHolderName))); // leak TC1001 strings
        BatchSize.Record(matches.Count, new KeyValuePair<string, object?>("council", councilCode)); // clean precision-about

        foreach (var match in matches)
        {
            activity?.AddEvent(new ActivityEvent("match.exported", tags: new ActivityTagsCollection { ["account"] = match.AccountNumber })); // leak TC1001 direct
            activity?.AddEvent(new ActivityEvent("match.district", tags: new ActivityTagsCollection { ["district"] = match.PollingDistrict })); // clean precision-about
            logger.LogDebug("Exported {Match}", match); // leak TC1001 logging-objects
            logger.LogDebug("Exported account {AccountPseudonym}", pseudonymizer.ComputeCoopballotElectorId(match.AccountNumber)); // clean precision-pseudonym
            await store.SaveAsync(match, ct);
        }

        var accountHolderNameColumn = "holder_name";
        activity?.SetTag("export.account_holder_name_column", accountHolderNameColumn); // clean precision-names
        activity?.SetTag("export.move_in_date_format", "yyyy-MM-dd"); // clean precision-names
        return matches.Count;
    }
}
