namespace PrivacyHoldout101.Gaming;

/// <summary>A request for a parent's consent: an under-13 player's account, the parent's email and the features asked for.</summary>
public sealed record ParentalConsentRequest(string PlayerId, string ChildGamertag, string ParentEmail, int ChildAge, IReadOnlyList<string> Features);

/// <summary>Sends parental consent requests from the sign-up queue and erases child accounts whose consent never came.</summary>
public sealed class ParentalConsentWorker(
    IQueueReceiver<ParentalConsentRequest> queue,
    IAccountMessenger messenger,
    IErasureFanOut erasure,
    Pseudonymizer pseudonymizer,
    ActivitySource source,
    ILogger<ParentalConsentWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var request = await queue.ReceiveAsync(stoppingToken);
            if (request is null)
            {
                continue;
            }
            using var span = source.StartPlayacctFlow("consent");
            span.SetPlayacctPlayerId(pseudonymizer.PseudonymizePlayacctPlayerId(request.PlayerId)); // clean precision-pseudonym
            Activity.Current?.SetTag("playacct.child.age", request.ChildAge); // clean precision-about
            Activity.Current?.SetTag("playacct.consent.features", string.Join(",", request.Features)); // clean strings
            Activity.Current?.SetBaggage("playacct.parent", request.ParentEmail); // leak TC1001 direct
            try
            {
                await messenger.SendEmailAsync(request.ParentEmail, "tpl-parental-consent", new Dictionary<string, string> { ["child"] = request.ChildGamertag }, stoppingToken);
                logger.LogInformation("Parental consent requested for {Features}", request.Features); // clean logging-objects
            }
            catch (RecipientRejectedException ex)
            {
                Activity.Current?.AddPlayacctFlowFailedEvent("consent", "mail_refused", playacctNote: ex.Message); // leak TC1001 generated-api
                logger.LogWarning("Parental mail refused ({Reason}) for {Request}", ex.Reason, request); // leak TC1001 logging-objects
            }
        }
    }

    public async Task EraseUnconsentedAsync(string playerId, string gamertag, string parentEmail, CancellationToken cancellationToken)
    {
        using var span = source.StartPlayacctFlow("erasure");
        var request = new ErasureRequest($"child-{Guid.NewGuid():N}", playerId, parentEmail, DateTimeOffset.UtcNow);
        span.SetPlayacctRequestId(request.RequestId); // clean generated-api
        logger.LogInformation("Erasing {Gamertag}: no parental consent within 14 days", gamertag); // leak TC1001 direct
        var receipts = await erasure.EraseAsync(request, cancellationToken);
        logger.LogInformation("Erasure {RequestId} finished in {Systems} systems", request.RequestId, receipts.Count); // clean precision-about
        logger.LogInformation("Erasure tombstone {Tombstone}", pseudonymizer.ComputePlayacctPlayerId(playerId)); // clean precision-pseudonym
    }
}
