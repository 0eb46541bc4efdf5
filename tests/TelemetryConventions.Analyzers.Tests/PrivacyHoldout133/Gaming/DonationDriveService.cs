namespace PrivacyHoldout133.Gaming;

/// <summary>An in-game charity bundle purchase: the store grants the cosmetic and passes the charity's share to the drive.</summary>
public sealed record BundlePurchase(string ReceiptId, Guid PlayerId, string Gamertag, string BundleSku, decimal Price, decimal CharityShare, string Region);

public sealed record DriveStanding(string DriveId, string Region, decimal Raised, int Donors);

public sealed class DonationDriveService(IDonationLedger ledger, Pseudonymizer pseudonymizer, TelemetrySecrets secrets, ILogger<DonationDriveService> logger)
{
    private static readonly ActivitySource Source = new("Studio.DonationDrive");
    private static readonly Meter Meter = new("Studio.DonationDrive");
    private static readonly Counter<long> Bundles = Meter.CreateCounter<long>("studio.drive.bundles");

    private readonly List<(string Gamertag, decimal Total)> _topGivers = [];

    public async Task RecordAsync(BundlePurchase purchase, string driveId, CancellationToken cancellationToken)
    {
        using var span = Source.StartPlaygiveTask(playgiveProgramme: driveId);
        span.SetPlaygiveSite(purchase.Region); // clean precision-about
        span.SetPlaygivePlayerId(pseudonymizer.PseudonymizePlaygivePlayerId(purchase.PlayerId.ToString())); // clean precision-pseudonym
        span.Activity?.SetTag("bundle.sku", purchase.BundleSku); // clean precision-about
        span.Activity?.SetTag("receipt.id", purchase.ReceiptId); // clean precision-names
        span.Activity?.SetTag("player.gamertag", purchase.Gamertag); // leak TC1001 direct
        Bundles.Add(1, new KeyValuePair<string, object?>("sku", purchase.BundleSku), new KeyValuePair<string, object?>("cohort", Cohort(purchase.PlayerId))); // clean hashes
        Bundles.Add(1, new KeyValuePair<string, object?>("player_bucket", HashCode.Combine(purchase.PlayerId) % 64)); // leak TC1002 hashes

        var donation = new Donation(purchase.ReceiptId, purchase.PlayerId.ToString(), purchase.CharityShare, "GBP", false, driveId);
        try
        {
            await ledger.RecordAsync(donation, cancellationToken);
        }
        catch (TimeoutException ex)
        {
            span.RecordException(ex, includeMessage: true); // clean exceptions
            logger.LogPlaygiveTaskFailedEvent(playgiveProgramme: driveId, playgiveOutcome: "ledger-timeout", playgivePlayerId: pseudonymizer.PseudonymizePlaygivePlayerId(purchase.PlayerId.ToString())); // clean generated-api
            throw;
        }

        logger.LogDebug("Drive donation {@Donation}", donation); // leak TC1001 logging-objects
        logger.LogInformation("Drive {DriveId} +{Share} from {Region}", driveId, purchase.CharityShare, purchase.Region); // clean precision-about
        TelemetryMetrics.CreatePlaygiveTasksCounter(Meter).Add(1, playgiveProgramme: driveId, playgiveOutcome: purchase.PlayerId.ToString()); // leak TC1003 generated-api

        _topGivers.Add((purchase.Gamertag, purchase.CharityShare));
    }

    public DriveStanding Report(string driveId, string region)
    {
        using var activity = Source.StartActivity("drive.report");
        var standing = new DriveStanding(driveId, region, _topGivers.Sum(g => g.Total), _topGivers.Select(g => g.Gamertag).Distinct().Count());
        logger.LogInformation("Drive standing {@Standing}", standing); // clean logging-objects
        activity?.SetTag("drive.donors", standing.Donors); // clean precision-about
        activity?.SetTag("drive.top_givers", _topGivers.OrderByDescending(g => g.Total).Take(3).Select(g => g.Gamertag).ToArray()); // leak TC1001 cross-member
        logger.LogInformation("Top giver this hour: {Gamertag}", _topGivers.MaxBy(g => g.Total).Gamertag); // leak TC1001 cross-member
        return standing;
    }

    private string Cohort(Guid playerId) =>
        Convert.ToHexString(HMACSHA256.HashData(secrets.ShardKey, playerId.ToByteArray()))[..2];
}
