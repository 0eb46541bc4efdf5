namespace PrivacyHoldout173.Gaming;

/// <summary>The gRPC service the game server calls when two players marry in a realm's chapel.</summary>
public sealed partial class InGameWeddingService(
    ILogger<InGameWeddingService> logger,
    Pseudonymizer pseudonymizer,
    TelemetrySecrets secrets)
{
    private static readonly ActivitySource Source = new("Studio.Social.Weddings");
    private static readonly Meter Meter = new("Studio.Social.Weddings");
    private static readonly Counter<long> Ceremonies = Meter.CreateCounter<long>("social.weddings");

    private readonly HashSet<string> _married = new(StringComparer.OrdinalIgnoreCase);

    public Task<string> Marry(InGameWedding wedding, ServerCallContext context)
    {
        using var span = Source.StartRealmeventsOperation(wedding.Realm);
        span.SetRealmeventsEventType("ceremony"); // clean generated-api
        span.SetRealmeventsCoupleId(pseudonymizer.PseudonymizeRealmeventsCoupleId(wedding.PartnerOneId.ToString())); // clean generated-api
        Activity.Current?.SetTag("rpc.method", context.Method); // clean precision-names
        Activity.Current?.SetTag("social.chapel", wedding.Chapel); // clean precision-about
        Activity.Current?.SetTag("social.partner_one", wedding.PartnerOneId); // leak TC1001 direct

        try
        {
            foreach (var tag in new[] { wedding.PartnerOneTag, wedding.PartnerTwoTag })
            {
                if (!_married.Add(tag))
                {
                    throw new AlreadyWedException(tag);
                }
            }

            var announcement = string.Format(CultureInfo.InvariantCulture, "{0} and {1} are wed in {2}", wedding.PartnerOneTag, wedding.PartnerTwoTag, wedding.Realm);
            logger.LogInformation(announcement); // leak TC1001 strings
            LogWed(logger, wedding.PartnerOneTag, wedding.PartnerTwoTag, wedding.Realm); // clean logging-objects
            Ceremonies.Add(1, new KeyValuePair<string, object?>("realm", wedding.Realm), new KeyValuePair<string, object?>("chapel", wedding.Chapel)); // clean precision-about
            span.SetRealmeventsOutcome("wed"); // clean generated-api
            return Task.FromResult(wedding.CeremonyId);
        }
        catch (AlreadyWedException ex)
        {
            logger.LogRealmeventsOperationFailedEvent(wedding.Realm, "already_wed", realmeventsNote: ex.Message); // leak TC1001 generated-api
            Activity.Current?.SetTag("exception.message", ex.Message); // leak TC1001 exceptions
            Activity.Current?.SetTag("error.type", ex.GetType().FullName); // clean exceptions
            throw new RpcException("FailedPrecondition", "already married");
        }
    }

    public void Divorce(InGameWedding wedding)
    {
        var pairKey = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(wedding.PartnerOneTag + "|" + wedding.PartnerTwoTag)))[..16];
        logger.LogInformation("Ceremony {CeremonyId} dissolved, pair {Pair}", wedding.CeremonyId, pairKey); // leak TC1002 hashes
        var bucket = HashCode.Combine(wedding.PartnerOneId, wedding.PartnerTwoId) & 0xff;
        Activity.Current?.SetTag("social.pair_bucket", bucket); // leak TC1002 hashes
        var keyedPair = Convert.ToHexString(HMACSHA256.HashData(secrets.PseudonymKey, Encoding.UTF8.GetBytes(wedding.PartnerOneTag + "|" + wedding.PartnerTwoTag)))[..16];
        Activity.Current?.SetTag("social.pair", keyedPair); // clean hashes
        _married.Remove(wedding.PartnerOneTag);
        _married.Remove(wedding.PartnerTwoTag);
        logger.LogInformation("{Count} players still married on this node", _married.Count); // clean cross-member
    }

    public void DumpMarried() =>
        logger.LogDebug("Married players on this node: {Players}", _married); // leak TC1001 cross-member

    [LoggerMessage(Level = LogLevel.Information, Message = "{PartnerOne} and {PartnerTwo} married in {Realm}")]
    private static partial void LogWed(ILogger logger, [PrivateData] string partnerOne, [PrivateData] string partnerTwo, string realm);
}
