namespace PrivacyHoldout181.Gaming;

/// <summary>Players who move re-address their collector's editions before dispatch. The topic is keyed by player id.</summary>
public sealed partial class ShippingAddressConsumer(
    IConsumer<string, ShippingAddressChange> consumer,
    ILogger<ShippingAddressConsumer> logger,
    Pseudonymizer pseudonymizer) : BackgroundService
{
    private static readonly ActivitySource Source = new("Studio.Store.ShippingAddresses");
    private static readonly Meter Meter = new("Studio.Store.ShippingAddresses");
    private static readonly TeamhouseOperationsCounter Operations = Meter.CreateTeamhouseOperationsCounter();
    private static readonly Counter<long> Readdressed = Meter.CreateCounter<long>("store.readdressed");

    protected override Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var result = consumer.Consume(stoppingToken);
            if (result is null)
            {
                continue;
            }

            var change = result.Message.Value;
            using var activity = Source.StartActivity("readdress edition", ActivityKind.Consumer);
            activity?.SetTag("messaging.kafka.message.key", result.Message.Key); // leak TC1001 direct
            activity?.SetTag("messaging.kafka.partition", result.Partition); // clean precision-names
            activity?.SetTag("store.order.id", change.OrderId); // clean precision-names
            activity?.SetTag("store.edition", change.Edition); // clean precision-names
            activity?.SetTag("store.player.email", change.Email); // leak TC1001 direct
            activity?.SetTag("store.player.email_domain", change.Email[(change.Email.IndexOf('@') + 1)..]); // clean precision-about
            activity?.SetTag("store.new_postcode", change.NewPostcode); // leak TC1001 direct
            activity?.SetTag("store.player", pseudonymizer.PseudonymizeTeamhouseMoverId(change.PlayerId)); // clean precision-pseudonym

            LogReaddressed(logger, change.OrderId, change.Email); // clean logging-objects
            LogReaddressedOpen(logger, change.OrderId, change.Email); // leak TC1001 direct
            logger.LogInformation("Edition {OrderId} re-addressed for player {PlayerId}", change.OrderId, change.PlayerId); // leak TC1001 direct
            logger.LogInformation("Readdress {Change}", change); // leak TC1001 logging-objects

            var players = new[] { change.PlayerId };
            logger.LogInformation("Readdressed players {Players}", players); // leak TC1001 direct
            logger.LogInformation("Readdressed players {Count}", players.Length); // clean precision-about

            Operations.Add(1, "store", "readdressed"); // clean generated-api
            Operations.Add(1, "store", change.PlayerId); // leak TC1003 generated-api
            Readdressed.Add(1, new KeyValuePair<string, object?>("edition", change.Edition)); // clean precision-names
            Readdressed.Add(1, new KeyValuePair<string, object?>("player", pseudonymizer.PseudonymizeTeamhouseMoverId(change.PlayerId))); // leak TC1003 precision-pseudonym

            try
            {
                if (change.NewPostcode.Length < 5)
                {
                    throw new AddressNotRecognisedException(change.NewPostcode);
                }
            }
            catch (AddressNotRecognisedException ex)
            {
                using var failed = Source.StartTeamhouseOperation("store");
                failed.RecordException(ex); // clean generated-api
                failed.SetStatus(ActivityStatusCode.Error, "address not recognised"); // clean exceptions
                logger.LogWarning("Readdress failed: {Message}", ex.Message); // leak TC1001 exceptions
                logger.LogTeamhouseOperationFailedEvent("store", "unmatched", teamhouseNote: $"Edition {change.Edition} for {change.Email} unmatched"); // leak TC1001 generated-api
            }

            var weak = change.PlayerId.GetHashCode().ToString("x8", CultureInfo.InvariantCulture);
            activity?.SetTag("store.player.key", weak); // leak TC1002 hashes
            consumer.Commit(result);
        }

        return Task.CompletedTask;
    }

    [LoggerMessage(EventId = 7101, Level = LogLevel.Information, Message = "Edition {OrderId} re-addressed; confirmation to {Email}")]
    private static partial void LogReaddressed(ILogger logger, string orderId, [PrivateData] string email);

    [LoggerMessage(EventId = 7102, Level = LogLevel.Information, Message = "Edition {OrderId} re-addressed; confirmation sent to {Email}")]
    private static partial void LogReaddressedOpen(ILogger logger, string orderId, string email);
}
