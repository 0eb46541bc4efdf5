namespace PrivacyHoldout108.Gaming;

public sealed record ParentalConsent(Guid PlayerId, string Gamertag, string ParentEmail, string ParentName, string Region, int Age);

public sealed class ParentalConsentExpiredException(string gamertag, string parentEmail)
    : Exception($"Parental consent for {gamertag} expired before {parentEmail} signed it.");

/// <summary>Voice chat for under-16s needs a parent's signed consent: the service sends the consent form to the parent and reacts when it expires.</summary>
public sealed class ParentalConsentSigning(EnvelopesApi envelopes, SigningOptions options, Pseudonymizer pseudonymizer, ILogger<ParentalConsentSigning> logger)
{
    private static readonly ActivitySource Source = new("Studio.Safety.ParentalConsent");
    private static readonly Counter<long> Expired = new Meter("Studio.Safety.ParentalConsent").CreateCounter<long>("parental_consent.expired");

    public async Task SendAsync(ParentalConsent consent, CancellationToken cancellationToken)
    {
        using var activity = Source.StartActivity("parental_consent.send");
        activity?.SetTag("consent.region", consent.Region); // clean precision-names
        activity?.SetTag("consent.age_band", consent.Age < 13 ? "under13" : "13to15"); // clean precision-about
        var subject = $"{consent.Gamertag} would like to use voice chat";
        var definition = new EnvelopeDefinition
        {
            TemplateId = "tpl-parental-voice-consent",
            EmailSubject = subject,
            Recipients = new Recipients { Signers = [new Signer { Email = consent.ParentEmail, Name = consent.ParentName, RecipientId = "1", RoleName = "Parent" }] },
            Status = "sent",
        };
        var summary = await envelopes.CreateEnvelopeAsync(options.AccountId, definition, cancellationToken);
        activity?.SetTag("consent.subject", subject); // leak TC1001 strings
        activity?.SetTag("consent.parent", definition.Recipients.Signers[0].Email); // leak TC1001 cross-member
        activity?.SetTag("consent.parent_domain", consent.ParentEmail.Split('@')[^1]); // clean precision-about
        activity?.SetTag("consent.player_bucket", (consent.PlayerId.GetHashCode() & 0x7fffffff) % 100); // leak TC1002 hashes
        logger.LogInformation("Parental consent {EnvelopeId} sent to parent of {Player}", summary.EnvelopeId, consent.Gamertag); // leak TC1001 direct
        logger.LogInformation("Parental consent {EnvelopeId} sent for {Player}", summary.EnvelopeId, pseudonymizer.ComputeAgreesignSignerId(consent.PlayerId.ToString())); // clean precision-pseudonym
    }

    public void OnExpired(ParentalConsent consent, string envelopeId)
    {
        var expired = new ParentalConsentExpiredException(consent.Gamertag, consent.ParentEmail);
        using var span = Source.StartAgreesignWebhookReceive("envelope-voided").SetAgreesignEnvelopeId(envelopeId).SetAgreesignOutcome("expired"); // clean generated-api
        span.RecordException(expired, "consent expired", includeMessage: true); // leak TC1001 exceptions
        span.SetAgreesignNote(expired.Message); // leak TC1001 generated-api
        Expired.Add(1, new KeyValuePair<string, object?>("region", consent.Region), new KeyValuePair<string, object?>("gamertag", consent.Gamertag)); // leak TC1003 direct
        logger.LogWarning("Consent expired: {@Consent}", consent); // leak TC1001 logging-objects
    }
}
