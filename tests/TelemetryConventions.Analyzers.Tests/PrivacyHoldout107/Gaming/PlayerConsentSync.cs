namespace PrivacyHoldout107.Gaming;

/// <summary>The in-game settings screen's marketing consent, as the game server posts it.</summary>
public sealed record InGameConsent(Guid PlayerId, string Gamertag, string? PushToken, bool EmailMarketing, bool PushMarketing, string Title, string ClientVersion);

/// <summary>Writes in-game marketing consent to the player CRM and mirrors push consent to the push provider.</summary>
public sealed class PlayerConsentSync(
    ICrmServiceClient crm,
    Pseudonymizer pseudonymizer,
    TelemetrySecrets secrets,
    ILogger<PlayerConsentSync> logger)
{
    private static readonly ActivitySource Source = new("Studio.PlayerCrm.Consent");
    private static readonly Meter Meter = new("Studio.PlayerCrm.Consent");
    private static readonly Counter<long> ConsentChanges = Meter.CreateCounter<long>("plycrm.consent.changes");

    public async Task ApplyAsync(InGameConsent consent, CancellationToken cancellationToken)
    {
        using var span = Source.StartPlycrmSend("in-game-consent");
        span.SetPlycrmConsentPurpose("marketing"); // clean precision-names
        span.Activity?.SetTag("game.title", consent.Title); // clean precision-names
        span.Activity?.SetTag("client.version", consent.ClientVersion); // clean precision-names
        span.Activity?.SetTag("push.token.present", consent.PushToken is not null); // clean precision-about
        span.Activity?.SetTag("push.token", consent.PushToken); // leak TC1001 direct
        logger.LogInformation("Consent from the settings screen {Consent}", consent); // leak TC1001 logging-objects

        var contact = new Entity("contact");
        contact.KeyAttributes["ply_playerid"] = consent.PlayerId;
        contact["donotbulkemail"] = !consent.EmailMarketing;
        contact["ply_pushoptin"] = consent.PushMarketing;

        try
        {
            var response = await crm.UpsertAsync(contact, cancellationToken);
            span.SetPlycrmOutcome(response.RecordCreated ? "created" : "updated"); // clean precision-about
            logger.LogDebug("Consent flags {Flags}", contact.Attributes); // clean logging-objects
            logger.LogDebug("Consent written to {Keys}", contact.KeyAttributes); // leak TC1001 logging-objects
        }
        catch (CrmFaultException ex)
        {
            // The upsert carries the player id as its key and two flags: a duplicate-key fault names the key, a validation fault can only quote a flag.
            logger.LogError("Consent upsert failed: {Code} {Message}", ex.ErrorCode, ex.Message); // clean exceptions
            span.SetStatus(ActivityStatusCode.Error, ex.GetType().Name); // clean exceptions
        }

        ConsentChanges.Add(1, new TagList { { "email", consent.EmailMarketing }, { "push", consent.PushMarketing }, { "title", consent.Title } }); // clean precision-about
        ConsentChanges.Add(1, new TagList { { "cohort", Cohort(consent.PlayerId) } }); // clean hashes
        span.Activity?.SetTag("player.hash", consent.PlayerId.ToString().GetHashCode()); // leak TC1002 hashes
        span.Activity?.AddBaggage("player.id", consent.PlayerId.ToString()); // leak TC1001 direct
        span.Activity?.AddBaggage("player.ref", pseudonymizer.ComputePlycrmPlayerId(consent.PlayerId.ToString())); // clean precision-pseudonym
    }

    private string Cohort(Guid playerId) =>
        (HMACSHA256.HashData(secrets.ShardKey, playerId.ToByteArray())[0] % 10).ToString(CultureInfo.InvariantCulture);
}
