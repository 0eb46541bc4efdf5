namespace PrivacyHoldout91.Gaming;

/// <summary>
/// Embeds the live-ops dashboard (concurrent players, store revenue, event funnels) in the studio portal
/// for a signed-in member of staff, with row-level security on the studios they belong to, and on the
/// wall screen of the live-ops room, which signs in as the room's service identity. Tokens are reused
/// until ten minutes before they expire.
/// </summary>
public sealed class LiveOpsDashboardEmbed(
    IEmbedClient embed,
    IDatasetCatalog catalog,
    ActivitySource source,
    Meter meter,
    Pseudonymizer pseudonymizer,
    ReportingOptions options,
    ILogger<LiveOpsDashboardEmbed> logger)
{
    private const string WallScreenIdentity = "svc-liveops-wall@studio.example";
    private static readonly Guid ReportId = Guid.Parse("2c3d4e5f-6a7b-4c8d-9e0f-1a2b3c4d5e6f");

    private readonly ConcurrentDictionary<string, EmbedToken> _tokens = new();
    private readonly UpDownCounter<int> _cachedTokens = meter.CreateUpDownCounter<int>("spendrpt.embed.cached_tokens", "{token}");

    public void Map(EndpointRoutes routes)
    {
        routes.MapGet("/dashboards/liveops/embed", (ReportHttpRequest request, CancellationToken ct) => ForStaffAsync(request.User, request.Query["studios"].Split(','), ct));
        routes.MapGet("/dashboards/liveops/wall", (CancellationToken ct) => ForWallAsync(ct));
    }

    public async Task<EmbedConfig> ForStaffAsync(ClaimsUser user, IReadOnlyList<string> studios, CancellationToken cancellationToken)
    {
        var email = user.Email!;
        using var span = source.StartSpendrptEmbed("dash-liveops");
        span.SetSpendrptViewerId(pseudonymizer.PseudonymizeSpendrptViewerId(user.SubjectId!)); // clean precision-pseudonym
        span.SetSpendrptFilter($"Studio[Code] IN {{{string.Join(",", studios)}}}"); // clean strings
        using var scope = logger.BeginScope("Embedding live-ops for {Viewer}", email); // leak TC1001 direct

        var cacheKey = $"embed:{email}:{string.Join("+", studios)}";
        if (_tokens.TryGetValue(cacheKey, out var cached) && cached.Expiration > DateTime.UtcNow.AddMinutes(10))
        {
            logger.LogDebug("Reusing token {Key}", cacheKey); // leak TC1001 strings
            span.SetSpendrptOutcome("reused");
            return await ConfigAsync(cached, cancellationToken);
        }

        var refresh = await catalog.GetLastRefreshAsync("ds-liveops", cancellationToken);
        Activity.Current?.SetTag("dataset.age_s", (DateTimeOffset.UtcNow - refresh.LastRefreshedUtc).TotalSeconds); // clean precision-about
        Activity.Current?.SetTag("dataset.refresh.status", refresh.Status); // clean precision-names

        var identity = new EffectiveIdentity(email, new List<string> { "ds-liveops" }, new List<string> { "Studio" }, customData: string.Join(",", studios));
        var token = await embed.GenerateTokenAsync(new GenerateTokenRequestV2 { Reports = { new(ReportId) }, Identities = { identity }, LifetimeInMinutes = 120 }, cancellationToken);
        _tokens[cacheKey] = token;
        _cachedTokens.Add(1, new KeyValuePair<string, object?>("viewer.domain", email[(email.IndexOf('@') + 1)..])); // clean precision-about
        logger.LogInformation("Token {TokenId} for studios {Studios}", token.TokenId, identity.CustomData); // clean cross-member
        logger.LogInformation("Token issued {@Identity}", identity); // leak TC1001 logging-objects
        return await ConfigAsync(token, cancellationToken);
    }

    public async Task<EmbedConfig> ForWallAsync(CancellationToken cancellationToken)
    {
        using var span = source.StartSpendrptEmbed("dash-liveops-wall");
        var identity = new EffectiveIdentity(WallScreenIdentity, new List<string> { "ds-liveops" }, new List<string> { "AllStudios" });
        var token = await embed.GenerateTokenAsync(new GenerateTokenRequestV2 { Reports = { new(ReportId) }, Identities = { identity }, LifetimeInMinutes = 240 }, cancellationToken);
        var config = await ConfigAsync(token, cancellationToken);
        logger.LogDebug("Wall screen embed {Config}", config); // clean logging-objects
        Activity.Current?.SetTag("enduser.id", identity.Username); // clean precision-names
        return config;
    }

    private async Task<EmbedConfig> ConfigAsync(EmbedToken token, CancellationToken cancellationToken)
    {
        try
        {
            var report = await embed.GetReportInGroupAsync(options.WorkspaceId, ReportId, cancellationToken);
            return new EmbedConfig(report.Id, report.EmbedUrl, token.Token, token.Expiration);
        }
        catch (EmbedApiException ex)
        {
            Activity.Current?.AddException(ex); // clean exceptions
            logger.LogSpendrptReportFailedEvent("dash-liveops", ex.ErrorCode, spendrptNote: $"HTTP {ex.Status}"); // clean generated-api
            throw;
        }
    }
}
