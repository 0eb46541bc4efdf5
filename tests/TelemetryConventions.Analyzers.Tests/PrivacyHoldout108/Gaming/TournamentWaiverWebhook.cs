namespace PrivacyHoldout108.Gaming;

public interface IWaiverRegistry
{
    Task MarkSignedAsync(string envelopeId, string playerId, DateTimeOffset signedAt, CancellationToken cancellationToken);
}

/// <summary>Connect deliveries for tournament waivers: a completed waiver unlocks the player's bracket slot; the form data (team, in-game name, console) goes to the tournament desk.</summary>
public sealed class TournamentWaiverWebhook(
    IWaiverRegistry registry,
    EnvelopesApi envelopes,
    SigningOptions options,
    Pseudonymizer pseudonymizer,
    TelemetrySecrets secrets,
    ILogger<TournamentWaiverWebhook> logger)
{
    private static readonly ActivitySource Source = new("Studio.Tournaments.Waivers");

    public async Task HandleAsync(ConsumeResult<string, string> delivery, CancellationToken cancellationToken)
    {
        using var activity = Source.StartActivity("waiver.webhook", ActivityKind.Consumer);
        activity?.SetTag("messaging.destination.name", delivery.Topic); // clean precision-names
        activity?.SetTag("messaging.kafka.partition", delivery.Partition); // clean precision-names
        activity?.SetTag("messaging.kafka.offset", delivery.Offset); // clean precision-names
        // The waivers topic is keyed by envelope id.
        activity?.SetTag("messaging.kafka.message.key", delivery.Message.Key); // clean precision-names

        var evt = JsonSerializer.Deserialize<ConnectEvent>(delivery.Message.Value)!;
        var envelopeId = evt.Data!.EnvelopeId!;
        var formData = await envelopes.GetFormDataAsync(options.AccountId, envelopeId, cancellationToken);
        var fields = formData.FormData!.ToDictionary(f => f.Name!, f => f.Value ?? string.Empty);
        var playerId = fields["player_id"];

        using var span = Activity.Current.EnrichAgreesignWebhookReceive(evt.Event!) // clean generated-api
            .SetAgreesignEnvelopeId(envelopeId) // clean generated-api
            .SetAgreesignEnvelopeStatus(formData.Status!) // clean generated-api
            .SetAgreesignSignerId(pseudonymizer.PseudonymizeAgreesignSignerId(playerId)); // clean precision-pseudonym

        activity?.SetTag("waiver.team", fields.GetValueOrDefault("team_name")); // clean precision-names
        activity?.SetTag("waiver.console", fields.GetValueOrDefault("console")); // clean precision-names
        activity?.SetTag("waiver.in_game_name", fields.GetValueOrDefault("in_game_name")); // leak TC1001 cross-member
        activity?.SetTag("waiver.form_fields", fields.Count); // clean precision-about
        activity?.SetTag("waiver.form", string.Join("&", fields.Select(kv => $"{kv.Key}={kv.Value}"))); // leak TC1001 strings

        var recipient = formData.RecipientFormData!.Single();
        var signedAt = DateTimeOffset.Parse(recipient.SignedTime!, CultureInfo.InvariantCulture);
        activity?.SetTag("waiver.signed_at", signedAt.ToString("O")); // clean precision-about
        activity?.SetTag("waiver.signer_email", recipient.Email); // leak TC1001 cross-member
        activity?.SetTag("waiver.signer_hash", Convert.ToBase64String(MD5.HashData(Encoding.UTF8.GetBytes(recipient.Email!)))); // leak TC1002 hashes
        activity?.SetTag("waiver.signer_hmac", Convert.ToBase64String(HMACSHA256.HashData(secrets.PseudonymKey, Encoding.UTF8.GetBytes(recipient.Email!)))); // clean hashes

        await registry.MarkSignedAsync(envelopeId, playerId, signedAt, cancellationToken);
        logger.LogInformation("Waiver {EnvelopeId} signed, bracket slot unlocked for {Player}", envelopeId, playerId); // leak TC1001 direct
        logger.LogInformation("Waiver form data {FormData}", formData); // clean logging-objects
        logger.LogDebug("Waiver recipient data {@Recipient}", recipient); // leak TC1001 logging-objects
        logger.LogDebug("Waiver delivery {Delivery}", delivery); // clean logging-objects
    }
}
