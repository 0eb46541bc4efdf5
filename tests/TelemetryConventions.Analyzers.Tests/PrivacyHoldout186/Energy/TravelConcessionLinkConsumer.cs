namespace PrivacyHoldout186.Energy;

/// <summary>
/// Links priority-services customers to the council's concessionary travel scheme: the council sends the
/// photocard of a customer who asked for it, keyed by the supplier's account number.
/// </summary>
public sealed class TravelConcessionLinkConsumer(IConsumer<string, PriorityTravelLink> consumer, IConcessionGateway gateway, Pseudonymizer pseudonymizer, TelemetrySecrets secrets, ILogger<TravelConcessionLinkConsumer> logger) : BackgroundService
{
    private static readonly ActivitySource Source = new("Supplier.TravelLink");
    private static readonly Meter Meter = new("Supplier.TravelLink");
    private static readonly Counter<long> Links = Meter.CreateCounter<long>("travel_link.linked");

    private string _lastAccount = string.Empty;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var result = consumer.Consume(stoppingToken);
            if (result is null)
            {
                continue;
            }

            var link = result.Message.Value;
            _lastAccount = result.Message.Key;
            using var activity = Source.StartActivity("travel_link.consume");
            activity?.SetTag("messaging.destination.name", result.Topic); // clean precision-names
            activity?.SetTag("messaging.kafka.partition", result.Partition); // clean precision-about
            activity?.SetTag("messaging.kafka.offset", result.Offset); // clean precision-about
            activity?.SetTag("messaging.kafka.message.key", result.Message.Key); // leak TC1001 direct
            activity?.SetTag("link.concession", link.ConcessionType); // clean precision-names
            activity?.SetTag("link.mpan", link.Mpan); // leak TC1001 direct
            activity?.SetTag("link.mpan.distributor", link.Mpan[..2]); // clean precision-about
            activity?.SetTag("link.photocard", link.PhotocardNumber); // leak TC1001 direct
            activity?.SetTag("link.photocard.last4", link.PhotocardNumber[^4..]); // clean precision-about
            activity?.SetTag("link.account.ref", pseudonymizer.PseudonymizeFuelfareClientId(link.AccountNumber)); // clean precision-pseudonym
            activity?.SetTag("link.account.bucket", HMACSHA256.HashData(secrets.ShardKey, Encoding.UTF8.GetBytes(link.AccountNumber))[0] % 32); // clean hashes
            activity?.SetTag("link.account.hash", Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(link.AccountNumber)))); // leak TC1002 hashes

            try
            {
                var verified = await gateway.VerifyAsync(link.PhotocardNumber, DateOnly.MinValue, stoppingToken);
                if (!verified)
                {
                    throw new PhotocardRejectedException(link.PhotocardNumber, "not-found");
                }

                activity?.SetTag("link.verified", verified); // clean precision-about
                Links.Add(1, new KeyValuePair<string, object?>("concession", link.ConcessionType)); // clean precision-names
                Links.Add(1, new KeyValuePair<string, object?>("account", link.AccountNumber)); // leak TC1003 direct
                logger.LogInformation("Linked {@Link}", link); // leak TC1001 logging-objects
                logger.LogInformation("Linked concession {Concession} on partition {Partition}", link.ConcessionType, result.Partition); // clean precision-names
            }
            catch (PhotocardRejectedException ex)
            {
                activity?.SetStatus(ActivityStatusCode.Error, ex.Reason); // clean exceptions
                activity?.SetStatus(ActivityStatusCode.Error, ex.Message); // leak TC1001 exceptions
                logger.LogWarning(ex, "Photocard rejected"); // leak TC1001 exceptions
                logger.LogFuelfareOperationFailedEvent("travel-link", ex.Reason, pseudonymizer.PseudonymizeFuelfareClientId(link.AccountNumber), "photocard rejected"); // clean generated-api
            }
            catch (ConcessionWindowClosedException ex)
            {
                logger.LogWarning(ex, "Scheme closed: {Detail}", ex.Message); // clean exceptions
            }

            consumer.Commit(result);
        }
    }

    public void Report()
    {
        Activity.Current?.SetTag("travel_link.last_account", _lastAccount); // leak TC1001 cross-member
        Activity.Current?.SetTag("travel_link.last_account.present", _lastAccount.Length > 0); // clean precision-about
    }
}
