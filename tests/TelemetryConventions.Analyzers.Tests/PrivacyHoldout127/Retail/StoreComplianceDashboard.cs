namespace PrivacyHoldout127.Retail;

/// <summary>The area manager's dashboard: each store's compliance with the mandatory courses and the colleagues most overdue.</summary>
public sealed class StoreComplianceDashboard(IComplianceStore store, TrainingOptions options, ILogger<StoreComplianceDashboard> logger)
{
    private static readonly ActivitySource Source = new("Retail.ColleagueTraining.Dashboard");
    private static readonly Meter Meter = new("Retail.ColleagueTraining.Dashboard");
    private static readonly Histogram<double> StoreCompliance = Meter.CreateHistogram<double>("colleaguetrain.store.compliance", "%");

    public async Task RefreshAsync(string area, IReadOnlyList<string> stores, CancellationToken ct)
    {
        using var activity = Source.StartActivity("colleaguetrain.dashboard.refresh");
        activity?.SetTag("colleaguetrain.area", area); // clean precision-names
        foreach (var storeId in stores)
        {
            var snapshots = await store.SnapshotAsync("challenge-25", ct);
            var mine = snapshots.Where(s => s.Unit == storeId).ToList();
            foreach (var snapshot in mine)
            {
                StoreCompliance.Record(snapshot.Percent, new KeyValuePair<string, object?>("store", snapshot.Unit)); // clean precision-names
                if (snapshot.Percent < options.CompliancePercentTarget)
                {
                    logger.LogWarning("Store {Store} below target: {@Snapshot}", storeId, snapshot); // clean logging-objects
                }
            }

            var overdue = await store.OverdueAsync(storeId, ct);
            var worst = overdue.OrderBy(o => o.DueOn).Take(5).ToList();
            logger.LogInformation("Most overdue at {Store}: {Worst}", storeId, worst.Select(w => w.FullName)); // leak TC1001 logging-objects
            logger.LogInformation("Most overdue at {Store}: {Days}", storeId, worst.Select(w => DateOnly.FromDateTime(DateTime.UtcNow).DayNumber - w.DueOn.DayNumber)); // clean precision-about
            activity?.SetTag("colleaguetrain.most_overdue", worst.FirstOrDefault()?.StaffNumber); // leak TC1001 cross-member
            var byCourse = overdue.GroupBy(o => o.RequirementCode).ToDictionary(g => g.Key, g => g.Count());
            logger.LogInformation("Overdue by course at {Store}: {ByCourse}", storeId, byCourse); // clean logging-objects
            var byColleague = overdue.GroupBy(o => o.StaffNumber).ToDictionary(g => g.Key, g => g.Count());
            logger.LogDebug("Overdue by colleague at {Store}: {ByColleague}", storeId, byColleague); // leak TC1001 logging-objects
            activity?.AddEvent(new ActivityEvent("store.refreshed", tags: new ActivityTagsCollection { ["store"] = storeId, ["overdue"] = overdue.Count })); // clean precision-about
        }
    }
}
