namespace PrivacyHoldout184.Retail;

/// <summary>A settled theft claim: the handset to block and the replacement to send. The topic is keyed by the IMEI.</summary>
public sealed record SettledClaim(string ClaimNumber, string ClaimantId, string Imei, string Network, string RecipientName, string DeliveryAddress, string Postcode, string ReplacementModel);

/// <summary>Blocks settled claims' handsets on the networks and books a courier for the replacement.</summary>
public sealed partial class ImeiBlockingWorker(IConsumer<string, SettledClaim> consumer, IBlockingList blockingList, ICourierBooking courier, Pseudonymizer pseudonymizer, TelemetrySecrets secrets, ILogger<ImeiBlockingWorker> logger) : BackgroundService
{
    private static readonly ActivitySource Source = new("Retail.ImeiBlocking");
    private static readonly Meter Meter = new("Retail.ImeiBlocking");
    private static readonly Counter<long> Blocked = Meter.CreateCounter<long>("handsetcover.imei.blocked");
    private static readonly Counter<long> Replacements = Meter.CreateCounter<long>("handsetcover.replacements");
    private readonly List<string> _blockedToday = new();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var result = consumer.Consume(stoppingToken);
            if (result is null) continue;
            var settled = result.Message.Value;
            using var activity = Source.StartActivity("handsetcover.block");
            activity?.SetTag("messaging.destination.name", result.Topic); // clean direct
            activity?.SetTag("messaging.kafka.offset", result.Offset); // clean direct
            activity?.SetTag("messaging.kafka.message.key", result.Message.Key); // leak TC1001 direct
            activity?.SetTag("handsetcover.claim.number", settled.ClaimNumber); // clean direct
            activity?.SetTag("handsetcover.network", settled.Network); // clean direct
            activity?.SetTag("handsetcover.replacement.model", settled.ReplacementModel); // clean direct
            activity?.SetTag("handsetcover.owner", pseudonymizer.ComputeHandsetcoverOwnerId(settled.ClaimantId)); // clean precision-pseudonym
            activity?.SetBaggage("handsetcover.owner", pseudonymizer.ComputeHandsetcoverOwnerId(settled.ClaimantId)); // clean precision-pseudonym
            using var scope = logger.BeginScope(new Dictionary<string, object> { ["ClaimNumber"] = settled.ClaimNumber, ["Imei"] = settled.Imei }); // leak TC1001 direct

            try
            {
                await blockingList.BlockAsync(new BlockRequest(settled.ClaimNumber, settled.Imei, settled.Network, "theft"), stoppingToken);
                _blockedToday.Add(settled.Imei);
                activity?.SetTag("handsetcover.blocked_today", string.Join(",", _blockedToday)); // leak TC1001 strings
                activity?.SetTag("handsetcover.blocked_today.count", _blockedToday.Count); // clean precision-about
                Blocked.Add(1, new KeyValuePair<string, object?>("network", settled.Network)); // clean direct
                var lane = HMACSHA256.HashData(secrets.ShardKey, Encoding.UTF8.GetBytes(settled.Imei))[0] % 8;
                Blocked.Add(1, new KeyValuePair<string, object?>("lane", lane)); // clean hashes
                activity?.SetTag("handsetcover.imei.digest", settled.Imei.GetHashCode()); // leak TC1002 hashes
                HandsetBlocked(logger, settled.ClaimNumber, settled.Imei); // clean logging-objects
            }
            catch (ImeiBlockedException ex)
            {
                activity?.AddException(ex); // leak TC1001 exceptions
                activity?.SetTag("exception.type", ex.GetType().Name); // clean exceptions
                logger.LogInformation("Already blocked: {Message}", ex.Message); // leak TC1001 exceptions
            }

            var delivery = new CourierReturn(Guid.NewGuid().ToString("N"), settled.ClaimNumber, settled.RecipientName, settled.DeliveryAddress, settled.Postcode, "next-day", string.Empty);
            try
            {
                var tracking = await courier.BookAsync(delivery, stoppingToken);
                activity?.SetTag("handsetcover.courier.tracking", tracking); // clean direct
                activity?.SetTag("handsetcover.courier.postcode", delivery.Postcode); // leak TC1001 direct
                activity?.SetTag("handsetcover.courier.postcode_area", delivery.Postcode[..2]); // clean precision-about
                logger.LogInformation("Replacement booked {Delivery}", delivery); // leak TC1001 logging-objects
                logger.LogInformation("Replacement booked {Delivery}", new CourierReturnSummary(delivery.ReturnId, delivery.Courier, "next-day", 0m)); // clean logging-objects
                logger.LogInformation("Replacement for {Recipient} booked", settled.RecipientName); // leak TC1001 direct
                ReplacementBooked(logger, settled.ClaimNumber, settled.DeliveryAddress); // leak TC1001 logging-objects
                Replacements.Add(1, new KeyValuePair<string, object?>("model", settled.ReplacementModel)); // clean direct
                Replacements.Add(1, new KeyValuePair<string, object?>("postcode", settled.Postcode)); // leak TC1003 direct
            }
            catch (CourierUnavailableException ex)
            {
                activity?.AddException(ex); // clean exceptions
                logger.LogWarning(ex, "No courier for claim {ClaimNumber}", settled.ClaimNumber); // clean exceptions
            }

            consumer.Commit(result);
        }
    }

    [LoggerMessage(EventId = 4611, Level = LogLevel.Information, Message = "Claim {ClaimNumber} blocked {Imei}")]
    private static partial void HandsetBlocked(ILogger logger, string claimNumber, [PrivateData] string imei);

    [LoggerMessage(EventId = 4612, Level = LogLevel.Information, Message = "Claim {ClaimNumber} replacement to {Address}")]
    private static partial void ReplacementBooked(ILogger logger, string claimNumber, string address);
}
