namespace PrivacyHoldout130.Gaming;

public sealed record PlotLease(string PlotId, string World, string Neighbourhood, Guid OwnerPlayerId, string OwnerGamertag, long WeeklyUpkeepGold, int WeeksInArrears, string? GuildName);

/// <summary>The plot was repossessed; its message quotes the plot and the owner's gamertag.</summary>
public sealed class PlotRepossessedException(string plotId, string ownerGamertag)
    : Exception($"Plot {plotId} repossessed from {ownerGamertag} after unpaid upkeep")
{
    public string PlotId { get; } = plotId;
}

/// <summary>
/// Weekly: charges upkeep on player housing plots from each owner's bank, warns owners a week behind and
/// repossesses plots four weeks behind (the house's furniture goes to the owner's reclaim box).
/// </summary>
public sealed class HousingPlotUpkeepWorker(Pseudonymizer pseudonymizer, TelemetrySecrets secrets, ILogger<HousingPlotUpkeepWorker> logger) : BackgroundService
{
    private static readonly ActivitySource Source = new("Studio.Housing.Upkeep");
    private static readonly Meter Meter = new("Studio.Housing.Upkeep");
    private static readonly Counter<long> Repossessions = Meter.CreateCounter<long>("housing.repossessions");
    private static readonly Histogram<long> Upkeep = Meter.CreateHistogram<long>("housing.upkeep.gold");

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var leases = await LoadLeasesAsync(stoppingToken);
        using var run = Source.StartActivity("housing.upkeep.run");
        run?.SetTag("housing.leases", leases.Count); // clean precision-about
        run?.SetTag("housing.in_arrears", leases.Count(l => l.WeeksInArrears > 0)); // clean precision-about
        run?.SetTag("housing.worlds", leases.Select(l => l.World).Distinct().ToArray()); // clean precision-names

        foreach (var lease in leases)
        {
            Upkeep.Record(lease.WeeklyUpkeepGold, new KeyValuePair<string, object?>("world", lease.World), new("neighbourhood", lease.Neighbourhood)); // clean precision-names
            var owner = pseudonymizer.PseudonymizePlotsTenantId(lease.OwnerPlayerId.ToString());
            if (lease.WeeksInArrears == 1)
            {
                logger.LogInformation("Upkeep reminder for plot {PlotId} in {World}", lease.PlotId, lease.World); // clean precision-names
                logger.LogInformation("Upkeep reminder sent to {Owner}", lease.OwnerGamertag); // leak TC1001 direct
                continue;
            }
            if (lease.WeeksInArrears < 4)
            {
                continue;
            }

            using var span = Source.StartPlotsTenancy(lease.PlotId).SetPlotsTenantId(owner).SetPlotsItemCount(lease.WeeksInArrears); // clean precision-pseudonym
            try
            {
                throw new PlotRepossessedException(lease.PlotId, lease.OwnerGamertag);
            }
            catch (PlotRepossessedException ex)
            {
                span.RecordException(ex); // clean exceptions
                span.RecordException(ex, includeMessage: true); // leak TC1001 exceptions
                logger.LogPlotsTenancyFailedEvent(ex.PlotId, "repossessed", plotsTenantId: owner); // clean generated-api
                logger.LogWarning("Repossessed {Lease}", lease); // leak TC1001 logging-objects
                Repossessions.Add(1, new KeyValuePair<string, object?>("guild_owned", lease.GuildName is not null)); // clean precision-about
                Repossessions.Add(1, new KeyValuePair<string, object?>("guild", lease.GuildName)); // clean precision-names
                Repossessions.Add(1, new KeyValuePair<string, object?>("owner", lease.OwnerPlayerId)); // leak TC1003 direct
            }

            var cohort = HMACSHA256.HashData(secrets.PseudonymKey, lease.OwnerPlayerId.ToByteArray())[0] % 10;
            span.Activity?.SetTag("housing.owner.cohort", cohort); // clean hashes
            span.Activity?.SetTag("housing.owner.bucket", lease.OwnerPlayerId.GetHashCode() % 10); // leak TC1002 hashes
        }
    }

    private static Task<IReadOnlyList<PlotLease>> LoadLeasesAsync(CancellationToken ct) => Task.FromResult<IReadOnlyList<PlotLease>>(Array.Empty<PlotLease>());
}
