namespace PrivacyHoldout91.Transport;

/// <summary>A screen in a depot's output office, registered by its asset tag.</summary>
public sealed record DepotScreen(string AssetTag, string Depot);

/// <summary>
/// The network performance dashboard: embedded on the depots' office screens (each signs in as its depot,
/// row-level security by depot) and in the planners' portal for a signed-in planner (row-level security by
/// the routes they plan). Views are recorded for the adoption report.
/// </summary>
public sealed class NetworkDashboardEmbed(
    IEmbedClient embed,
    IDatasetCatalog catalog,
    IUsageStore usage,
    ActivitySource source,
    Meter meter,
    Pseudonymizer pseudonymizer,
    ReportingOptions options,
    ILogger<NetworkDashboardEmbed> logger)
{
    private static readonly Guid ReportId = Guid.Parse("9e8d7c6b-5a4f-4e3d-8c2b-1a0f9e8d7c6b");
    private readonly Counter<long> _embeds = meter.CreateCounter<long>("ridershiprpt.embeds", "{token}");

    public async Task<EmbedConfig> ForScreenAsync(DepotScreen screen, CancellationToken cancellationToken)
    {
        using var span = source.StartRidershiprptEmbed("dash-network").SetRidershiprptFilter($"Depot = {screen.Depot}"); // clean precision-names
        var token = await embed.GenerateTokenAsync(new GenerateTokenRequestV2 { Reports = { new(ReportId) }, Identities = { new EffectiveIdentity($"depot-{screen.Depot}", new List<string> { "ds-network" }, new List<string> { "Depot" }) } }, cancellationToken);
        var report = await embed.GetReportInGroupAsync(options.WorkspaceId, ReportId, cancellationToken);
        var config = new EmbedConfig(report.Id, report.EmbedUrl, token.Token, token.Expiration);
        logger.LogInformation("Screen {Screen} embed {Config}", screen, config); // clean logging-objects
        _embeds.Add(1, new KeyValuePair<string, object?>("kind", "screen"), new KeyValuePair<string, object?>("depot", screen.Depot)); // clean precision-names
        return config;
    }

    public async Task<EmbedConfig> ForPlannerAsync(ClaimsUser planner, IReadOnlyList<string> routes, CancellationToken cancellationToken)
    {
        using var span = source.StartRidershiprptEmbed("dash-network");
        span.SetRidershiprptViewerId(pseudonymizer.PseudonymizeRidershiprptViewerId(planner.SubjectId!)).SetRidershiprptFilter(string.Join(",", routes)); // clean precision-pseudonym
        var refresh = await catalog.GetLastRefreshAsync("ds-network", cancellationToken);
        if (DateTimeOffset.UtcNow - refresh.LastRefreshedUtc > options.MaxDataAge)
        {
            logger.LogWarning(new StaleDataException(refresh.Dataset, DateTimeOffset.UtcNow - refresh.LastRefreshedUtc, options.MaxDataAge), "Network dashboard stale"); // clean exceptions
        }

        var identity = new EffectiveIdentity(planner.Email!, new List<string> { "ds-network" }, new List<string> { "Planner" }, customData: string.Join(",", routes));
        try
        {
            var token = await embed.GenerateTokenAsync(new GenerateTokenRequestV2 { Reports = { new(ReportId) }, Identities = { identity }, LifetimeInMinutes = 60 }, cancellationToken);
            var report = await embed.GetReportInGroupAsync(options.WorkspaceId, ReportId, cancellationToken);
            var config = new EmbedConfig(report.Id, report.EmbedUrl, token.Token, token.Expiration);
            Activity.Current?.SetTag("embed.token", config.AccessToken); // leak TC1001 direct
            logger.LogInformation("Planner embed until {Expiry} for routes {Routes}", config.Expiry, identity.CustomData); // clean cross-member
            await usage.AppendAsync(new ReportViewEvent("dash-network", planner.SubjectId!, planner.Email!, DateTimeOffset.UtcNow, TimeSpan.Zero), cancellationToken);
            _embeds.Add(1, new KeyValuePair<string, object?>("kind", "planner"), new KeyValuePair<string, object?>("planner", planner.Email)); // leak TC1003 direct
            return config;
        }
        catch (EmbedApiException ex)
        {
            span.RecordException(ex, includeMessage: true); // clean exceptions
            logger.LogError("Embed refused for {Identity}: {Code}", identity.Username, ex.ErrorCode); // leak TC1001 cross-member
            throw;
        }
    }
}
