namespace PrivacyHoldout96.Healthcare;

/// <summary>
/// Runs the clinicians' saved patient searches ("my diabetic patients on 7B", "NEWS over 5 on the surgical wards")
/// and alerts their owners when new patients match.
/// </summary>
public sealed class SavedPatientListsWorker(
    ISavedSearchStore store,
    ISearchClient patients,
    IAlertSender sender,
    Pseudonymizer pseudonymizer,
    ILogger<SavedPatientListsWorker> logger) : BackgroundService
{
    private static readonly ActivitySource Source = new("Epr.SavedLists");
    private static readonly Meter Meter = new("Epr.SavedLists");
    private static readonly Histogram<int> NewMatches = Meter.CreateHistogram<int>("epr.saved_list.new_matches");
    private string? _lastRejectedOwner;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var due = await store.DueAsync(AlertFrequency.Instant, DateTimeOffset.UtcNow, stoppingToken);
        logger.LogInformation("{Count} saved patient lists due", due.Count);
        foreach (var saved in due)
        {
            using var activity = Source.StartActivity("saved-list.run");
            activity?.SetTag("saved_list.id", saved.Id); // clean precision-names
            activity?.SetTag("saved_list.owner", pseudonymizer.ComputePtfindClinicianId(saved.OwnerId)); // clean precision-pseudonym
            activity?.SetTag("saved_list.name", saved.Name); // leak TC1001 direct
            activity?.SetTag("saved_list.filter_length", saved.Filter?.Length ?? 0); // clean precision-about
            logger.LogInformation("Running saved list {SavedList}", saved); // clean logging-objects

            var results = await patients.SearchAsync<PatientHit>(saved.QueryText, new SearchOptions { Filter = saved.Filter, IncludeTotalCount = true }, stoppingToken);
            var fresh = Math.Max((int)(results.TotalCount ?? 0) - saved.LastResultCount, 0);
            NewMatches.Record(fresh, new KeyValuePair<string, object?>("frequency", saved.Frequency.ToString())); // clean precision-about
            if (fresh == 0)
            {
                continue;
            }

            var newcomers = results.Results.Take(fresh).Select(r => r.Document.HospitalNumber).ToList();
            logger.LogInformation("Saved list {SavedListId} has new patients {HospitalNumbers}", saved.Id, newcomers); // leak TC1001 logging-objects
            activity?.SetTag("saved_list.owner_digest", Convert.ToHexString(MD5.HashData(Encoding.UTF8.GetBytes(saved.OwnerId)))); // leak TC1002 hashes
            try
            {
                await sender.SendAsync($"{saved.OwnerId}@trust.example.nhs.uk", $"{fresh} new patients match \"{saved.Name}\"", "Open the EPR to see them.", stoppingToken);
                activity?.SetTag("saved_list.alerted", true);
            }
            catch (AlertRejectedException ex)
            {
                _lastRejectedOwner = saved.OwnerId;
                activity?.SetStatus(ActivityStatusCode.Error, ex.Message); // leak TC1001 exceptions
                logger.LogWarning("Alert for saved list {SavedListId} rejected: {Reason}", saved.Id, ex.Reason); // clean exceptions
            }
            saved.LastRunAt = DateTimeOffset.UtcNow;
            saved.LastResultCount = (int)(results.TotalCount ?? 0);
            await store.SaveAsync(saved, stoppingToken);
        }

        if (_lastRejectedOwner is not null)
        {
            logger.LogWarning("Alerts are being rejected, last for owner {Owner}", _lastRejectedOwner); // leak TC1001 cross-member
        }
    }
}
