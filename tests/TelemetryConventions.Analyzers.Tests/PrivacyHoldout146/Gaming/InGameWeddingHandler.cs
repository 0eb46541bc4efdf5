namespace PrivacyHoldout146.Gaming;

/// <summary>Marries two players in game at a venue they booked, with their guests.</summary>
public sealed partial class InGameWeddingHandler(
    ITributeStore ceremonies,
    IPlayerDirectory players,
    ActivitySource source,
    Meter meter,
    Pseudonymizer pseudonymizer,
    LifeEventsOptions options,
    ILogger<InGameWeddingHandler> logger)
{
    private static readonly Meter WeddingMeter = new("Game.Ceremonies.Weddings");
    private static readonly Counter<long> Weddings = WeddingMeter.CreateCounter<long>("tribute.weddings");

    public async Task<string> MarryAsync(string gamertagA, string gamertagB, string venueId, CancellationToken cancellationToken)
    {
        using var span = source.StartTributeOperation(options.Realm);
        span.SetTributeKind("wedding"); // clean generated-api
        var coupleKey = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(gamertagA + "|" + gamertagB)))[..16];
        Activity.Current?.SetTag("tribute.wedding.couple", coupleKey); // leak TC1002 hashes
        Activity.Current?.SetBaggage("tribute.partner", gamertagA); // leak TC1001 direct
        Activity.Current?.SetBaggage("tribute.venue", venueId); // clean precision-about
        try
        {
            var a = await players.FindByGamertagAsync(gamertagA, cancellationToken);
            var b = await players.FindByGamertagAsync(gamertagB, cancellationToken);
            span.SetTributePlayerId(pseudonymizer.PseudonymizeTributePlayerId(a.PlayerId.ToString())).SetTributeRequesterId(pseudonymizer.PseudonymizeTributeRequesterId(b.PlayerId.ToString())); // clean precision-pseudonym
            var venue = await ceremonies.VenueAsync(venueId, cancellationToken);
            logger.LogInformation("Venue {@Venue}", venue); // clean logging-objects
            var ceremony = await ceremonies.MarryAsync(a.PlayerId, b.PlayerId, venueId, cancellationToken);
            logger.LogInformation("Wedding held {Ceremony}", ceremony); // leak TC1001 logging-objects
            LogWedding(logger, ceremony.CeremonyId, venue.Zone, ceremony.Guests); // clean logging-objects
            LogPartners(logger, a.Gamertag, b.Gamertag); // clean logging-objects
            LogPartnersForSupport(logger, a.Gamertag, b.Gamertag); // leak TC1001 logging-objects
            Weddings.Add(1, new KeyValuePair<string, object?>("zone", venue.Zone), new KeyValuePair<string, object?>("same_realm", a.Realm == b.Realm)); // clean precision-about
            Weddings.Add(1, new KeyValuePair<string, object?>("partner", a.Gamertag)); // leak TC1003 direct
            Activity.Current?.SetTag("tribute.wedding.guests", ceremony.Guests); // clean precision-about
            Activity.Current?.SetTag("tribute.wedding.ceremony_id", ceremony.CeremonyId); // clean precision-names
            Activity.Current?.SetTag("tribute.wedding.announcement", Announcement(a, b)); // leak TC1001 strings
            meter.CreateTributeRequestsCounter().Add(1, tributeRealm: options.Realm, tributeOutcome: "married"); // clean generated-api
            return ceremony.CeremonyId;
        }
        catch (AlreadyMarriedException ex)
        {
            logger.LogWarning("Wedding refused: {Reason}", ex.Message); // leak TC1001 exceptions
            meter.CreateTributeRequestsCounter().Add(1, tributeRealm: options.Realm, tributeOutcome: nameof(AlreadyMarriedException)); // clean exceptions
            throw;
        }
    }

    private static string Announcement(Player a, Player b) => $"{a.Gamertag} and {b.Gamertag} were married today!";

    [LoggerMessage(EventId = 7301, Level = LogLevel.Information, Message = "Ceremony {CeremonyId} in {Zone} with {Guests} guests")]
    private static partial void LogWedding(ILogger logger, string ceremonyId, string zone, int guests);

    [LoggerMessage(EventId = 7302, Level = LogLevel.Information, Message = "Married {PartnerA} and {PartnerB}")]
    private static partial void LogPartners(ILogger logger, [PrivateData] string partnerA, [PrivateData] string partnerB);

    [LoggerMessage(EventId = 7303, Level = LogLevel.Debug, Message = "Support copy: married {PartnerA} and {PartnerB}")]
    private static partial void LogPartnersForSupport(ILogger logger, string partnerA, string partnerB);
}
