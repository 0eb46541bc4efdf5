namespace PrivacyHoldout105.Energy;

public interface IExitPageQuery
{
    /// <summary>The most common last URLs of visitors who stalled at a step, with their counts.</summary>
    Task<IReadOnlyList<(string Url, int Count)>> TopExitUrlsAsync(string funnelId, string step, int top, CancellationToken ct);
}

/// <summary>
/// The tariff switch funnel (quote viewed, tariff selected, switch confirmed) for one tariff, the pages where
/// accounts stall, and retention of switchers by signup week. Portal URLs carry the account number
/// (<c>/accounts/{accountNumber}/tariff</c>).
/// </summary>
public sealed class TariffSwitchFunnel(
    IFunnelQuery query,
    IExitPageQuery exits,
    ActivitySource source,
    Meter meter,
    ILogger<TariffSwitchFunnel> logger)
{
    private readonly Histogram<double> _retention = meter.CreateHistogram<double>("homeclick.retention.week4", "1");

    public async Task RunAsync(string tariffCode, DateOnly from, DateOnly to, CancellationToken ct)
    {
        var funnel = new FunnelDefinition($"tariff-switch:{tariffCode}", "Tariff switch",
            [new FunnelStep("quote", "quote_viewed"), new FunnelStep("select", "tariff_selected"), new FunnelStep("confirm", "switch_confirmed")], TimeSpan.FromDays(3));
        using var span = source.StartHomeclickSync("warehouse").SetHomeclickCohort(tariffCode); // clean generated-api
        FunnelReport report;
        try
        {
            report = await query.RunAsync(funnel, from, to, ct);
        }
        catch (FunnelQueryTimeoutException ex)
        {
            span.RecordException(ex, includeMessage: true); // clean exceptions
            return;
        }

        foreach (var step in report.Steps)
        {
            logger.LogInformation("Tariff {Tariff} step {Step}: {Completed}/{Entered}", tariffCode, step.Step, step.Completed, step.Entered); // clean precision-about
        }

        var stalled = report.DroppedOff.GetValueOrDefault("select") ?? [];
        logger.LogInformation("Stalled {Count} accounts at {Step}", stalled.Count, "select"); // clean precision-about
        logger.LogInformation("Stalled accounts {Accounts}", stalled); // leak TC1001 logging-objects
        if (stalled.Count > 0)
        {
            span.SetHomeclickNote($"{stalled.Count} stalled, e.g. {string.Join(",", stalled.Take(3))}"); // leak TC1001 generated-api
            Activity.Current?.SetTag("homeclick.stalled.sample", Convert.ToBase64String(SHA1.HashData(Encoding.UTF8.GetBytes(stalled[0])))); // leak TC1002 hashes
        }

        foreach (var (url, count) in await exits.TopExitUrlsAsync(funnel.FunnelId, "select", 5, ct))
        {
            logger.LogInformation("Top exit {Url} ({Count})", url, count); // leak TC1001 strings
            logger.LogInformation("Top exit route {Route} ({Count})", EnergyRoutes.Template(url), count); // clean strings
            Activity.Current?.AddEvent(new ActivityEvent("funnel.exit", tags: new ActivityTagsCollection { ["utm_campaign"] = UrlParts.ParseQuery(UrlParts.Query(url)).GetValueOrDefault("utm_campaign"), ["count"] = count })); // clean precision-about
        }

        var rows = await query.RetentionAsync("signup_week", from.AddDays(-56), 8, ct);
        logger.LogInformation("Switcher retention {Rows}", rows); // clean logging-objects
        foreach (var row in rows.Where(r => r.Retention.Count > 4))
        {
            _retention.Record(row.Retention[4], new KeyValuePair<string, object?>("cohort", row.Cohort), new KeyValuePair<string, object?>("tariff", tariffCode)); // clean precision-about
        }
    }
}

public static class EnergyRoutes
{
    public static string Template(string url) =>
        string.Join('/', UrlParts.Path(url).Split('/').Select((segment, i) => i == 2 && segment.StartsWith("A-", StringComparison.Ordinal) ? "{account}" : segment));
}
