namespace PrivacyHoldout99.Gaming;

public sealed record CreatorEarnings(Guid CreatorId, string CreatorHandle, string ConnectedAccountId, string CreatorCode, long RevenueShareMinor, int Supporters);

/// <summary>Pays creators on the creator programme their share of purchases made with their creator code.</summary>
public sealed class CreatorPayoutJob(
    IConnectClient connect,
    Pseudonymizer pseudonymizer,
    TelemetrySecrets secrets,
    ILogger<CreatorPayoutJob> logger)
{
    private static readonly ActivitySource Source = new("Game.Creators.Payouts");
    private static readonly Meter Meter = new("Game.Creators.Payouts");
    private readonly GamepayPaymentDurationHistogram _duration = Meter.CreateGamepayPaymentDurationHistogram();

    public async Task RunAsync(IReadOnlyList<CreatorEarnings> earnings, string period, CancellationToken ct)
    {
        var top = earnings.OrderByDescending(e => e.RevenueShareMinor).Take(5).ToList();
        logger.LogInformation("Top creators for {Period}: {Top}", period, string.Join(", ", top.Select(e => $"{e.CreatorHandle}={e.RevenueShareMinor}"))); // leak TC1001 strings
        logger.LogInformation("Top shares for {Period}: {Top}", period, string.Join(", ", top.Select(e => e.RevenueShareMinor))); // clean precision-about
        logger.LogInformation("Transfer group {Group}", $"creators-{period}"); // clean strings

        foreach (var creator in earnings)
        {
            using var span = Source.StartGamepayPayout($"creators-{period}").SetGamepayAmount(creator.RevenueShareMinor);
            span.SetGamepayPayeeId(pseudonymizer.PseudonymizeGamepayPayeeId(creator.CreatorId.ToString())); // clean precision-pseudonym
            span.Activity?.SetTag("creator.supporters", creator.Supporters); // clean precision-about
            span.Activity?.SetTag("creator.code", creator.CreatorCode); // leak TC1001 direct
            span.Activity?.SetTag("creator.id.hash", creator.CreatorId.ToString().GetHashCode().ToString("x8", CultureInfo.InvariantCulture)); // leak TC1002 hashes
            span.Activity?.SetTag("creator.partition", Convert.ToHexString(HMACSHA256.HashData(secrets.ShardKey, creator.CreatorId.ToByteArray()))[..2]); // clean hashes
            span.Activity?.SetTag("payout.batch.digest", Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(period)))[..8]); // clean hashes
            var started = Stopwatch.GetTimestamp();
            try
            {
                var transfer = await connect.TransferAsync(creator.RevenueShareMinor, "usd", creator.ConnectedAccountId, $"creators-{period}", new RequestOptions { IdempotencyKey = $"creator-share:{period}:{Guid.NewGuid():N}" }, ct);
                span.SetGamepayPaymentId(transfer.Id).SetGamepayOutcome("paid");
                logger.LogInformation("Transfer {TransferId} to {Destination}", transfer.Id, transfer.DestinationAccountId); // leak TC1001 cross-member
                logger.LogInformation("Transfer {TransferId} description {Description}", transfer.Id, transfer.Description);
                _duration.Record(Stopwatch.GetElapsedTime(started).TotalSeconds, "transfer", "paid"); // clean generated-api
            }
            catch (AccountRestrictedException ex)
            {
                logger.LogWarning(ex, "Creator payout held"); // leak TC1001 exceptions
                span.SetGamepayOutcome("restricted").SetStatus(ActivityStatusCode.Error, "connected account restricted"); // clean exceptions
            }
        }
    }
}
