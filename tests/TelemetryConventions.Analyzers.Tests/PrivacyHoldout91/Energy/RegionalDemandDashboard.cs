namespace PrivacyHoldout91.Energy;

/// <summary>A household's consumption over the reporting window.</summary>
public sealed record HouseholdDemand(string AccountNumber, string MeterSerial, string Region, string Tariff, decimal Kwh);

/// <summary>
/// The demand team's dashboard: an embed token for the analyst who opens it (row-level security by the
/// regions they cover), the region-by-tariff pivot with small cells suppressed, and the top consumers
/// list the revenue-protection team asks for.
/// </summary>
public sealed class RegionalDemandDashboard(
    IEmbedClient embed,
    ActivitySource source,
    Meter meter,
    Pseudonymizer pseudonymizer,
    ReportingOptions options,
    ILogger<RegionalDemandDashboard> logger)
{
    private static readonly Guid ReportId = Guid.Parse("7a6b5c4d-3e2f-4a1b-9c8d-7e6f5a4b3c2d");

    public async Task<EmbedConfig> EmbedAsync(string analystEmail, IReadOnlyList<string> regions, CancellationToken cancellationToken)
    {
        using var span = source.StartUsagerptEmbed("dash-regional-demand");
        span.SetUsagerptFilter(string.Join("|", regions)); // clean precision-names
        var identity = new EffectiveIdentity(analystEmail, new List<string> { "ds-demand" }, new List<string> { "RegionAnalyst" });
        Activity.Current?.SetTag("enduser.id", identity.Username); // leak TC1001 cross-member
        Activity.Current?.SetTag("rls.roles", string.Join(",", identity.Roles)); // clean precision-names

        try
        {
            var report = await embed.GetReportInGroupAsync(options.WorkspaceId, ReportId, cancellationToken);
            var token = await embed.GenerateTokenAsync(new GenerateTokenRequestV2 { Reports = { new(ReportId) }, Datasets = { new("ds-demand") }, Identities = { identity } }, cancellationToken);
            logger.LogDebug("Issued {Token} to {Analyst}", token.Token, pseudonymizer.ComputeUsagerptViewerId(analystEmail)); // leak TC1001 direct
            logger.LogInformation("Issued token {TokenId} until {Expiry}", token.TokenId, token.Expiration);
            return new EmbedConfig(report.Id, report.EmbedUrl, token.Token, token.Expiration);
        }
        catch (EmbedApiException ex)
        {
            logger.LogError(ex, "Embed failed with {Status} {Code}", ex.Status, ex.ErrorCode); // clean exceptions
            throw;
        }
    }

    public SuppressionResult Pivot(IReadOnlyList<HouseholdDemand> demand)
    {
        using var span = source.StartUsagerptRender("rpt-region-tariff", "html");
        var pivot = PivotTable.Build(demand, "region", d => d.Region, "tariff", d => d.Tariff, d => d.Kwh);
        var result = SmallCellSuppression.Apply(pivot, options.SmallCellThreshold);
        span.SetUsagerptSuppressedCells(result.SuppressedCells).SetUsagerptRowCount(pivot.Cells.Count);
        logger.LogInformation("Suppressed cells {Cells}", result.Suppressed); // clean logging-objects

        var topRegions = pivot.Cells.GroupBy(c => c.Row).OrderByDescending(g => g.Sum(c => c.Value)).Take(3).Select(g => g.Key).ToList();
        Activity.Current?.SetTag("report.top_regions", string.Join(",", topRegions)); // clean precision-names

        var topHouseholds = demand.OrderByDescending(d => d.Kwh).Take(options.TopN).ToList();
        logger.LogInformation("Top consumers {Households}", topHouseholds); // leak TC1001 logging-objects
        logger.LogInformation("Top consumers {Accounts}", string.Join(",", topHouseholds.Select(h => h.AccountNumber))); // leak TC1001 strings
        logger.LogInformation("Top consumption {Kwh} kWh, cutoff {Cutoff} kWh", topHouseholds.First().Kwh, topHouseholds.Last().Kwh); // clean precision-about
        var suspicious = topHouseholds.Where(h => h.Tariff == "E7" && h.Kwh > 20_000m).Select(h => h.MeterSerial).ToList();
        Activity.Current?.AddEvent(new ActivityEvent("revenue_protection.candidates", tags: new ActivityTagsCollection { ["meters"] = string.Join(",", suspicious) })); // leak TC1001 strings
        Activity.Current?.AddEvent(new ActivityEvent("revenue_protection.candidates", tags: new ActivityTagsCollection { ["count"] = suspicious.Count, ["models"] = string.Join(",", suspicious.Select(s => s[..3]).Distinct()) })); // clean precision-about
        meter.CreateUsagerptRendersCounter().Add(1, "rpt-region-tariff", "html", usagerptOutcome: result.SuppressedCells > 0 ? "suppressed" : "rendered");
        return result;
    }
}
