namespace PrivacyHoldout137.Gaming;

/// <summary>An account-link event from the supplier's consent screen (the topic is keyed by player id).</summary>
public sealed record EnergyLinkEvent(Guid PlayerId, string Gamertag, string SupplierCode, string AccountNumber, string MeterSerial, string ConsentScope, bool Revoked);

public sealed class LinkAlreadyExistsException(string meterSerial, Guid otherPlayerId)
    : Exception($"Meter {meterSerial} is already linked to player {otherPlayerId}")
{
    public Guid OtherPlayerId { get; } = otherPlayerId;
}

/// <summary>
/// Consumes the energy account links players make from the Power Down hub, so the challenge service knows
/// which smart meters to read; a meter can be linked to one player only.
/// </summary>
public sealed class EnergyAccountLinkConsumer(
    IConsumer<string, EnergyLinkEvent> consumer,
    Pseudonymizer pseudonymizer,
    ILogger<EnergyAccountLinkConsumer> logger) : BackgroundService
{
    private static readonly ActivitySource Source = new("Studio.LiveOps.EnergyLinks");
    private static readonly Meter Meter = new("Studio.LiveOps.EnergyLinks");
    private static readonly Counter<long> Links = Meter.CreateCounter<long>("energy_links");

    private readonly HashSet<string> _linkedMeters = new();

    protected override Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested && consumer.Consume(stoppingToken) is { } result)
        {
            var link = result.Message.Value;
            using var activity = Source.StartActivity("energy.link", ActivityKind.Consumer);
            activity?.SetTag("messaging.kafka.message.key", result.Message.Key); // leak TC1001 direct
            activity?.SetTag("link.supplier", link.SupplierCode); // clean precision-names
            activity?.SetTag("link.scope", link.ConsentScope);
            activity?.SetTag("link.player", pseudonymizer.PseudonymizeMeterreadAccountId(link.PlayerId.ToString()).Value); // clean precision-pseudonym

            try
            {
                if (!link.Revoked && !_linkedMeters.Add(link.MeterSerial))
                {
                    throw new LinkAlreadyExistsException(link.MeterSerial, link.PlayerId);
                }

                logger.LogInformation("{Action} link {@Link}", link.Revoked ? "Revoked" : "Added", link); // leak TC1001 logging-objects
                Links.Add(1, new KeyValuePair<string, object?>("supplier", link.SupplierCode), new("revoked", link.Revoked)); // clean precision-names
                Links.Add(1, new KeyValuePair<string, object?>("gamertag", link.Gamertag)); // leak TC1003 direct
            }
            catch (LinkAlreadyExistsException ex)
            {
                activity?.SetStatus(ActivityStatusCode.Error, ex.Message); // leak TC1001 exceptions
                activity?.SetTag("link.other_player", ex.OtherPlayerId); // leak TC1001 exceptions
                logger.LogWarning("Duplicate link refused ({Type})", ex.GetType().Name); // clean exceptions
            }

            consumer.Commit(result);
        }

        logger.LogInformation("Linked meters: {Meters}", _linkedMeters); // leak TC1001 cross-member
        logger.LogInformation("Linked meter count: {Count}", _linkedMeters.Count); // clean cross-member
        return Task.CompletedTask;
    }
}
