namespace PrivacyHoldout118.Education;

/// <summary>
/// Parental consents the school asks for (photographs on the website, biometric catering, trips) and the
/// preference centre link sent to each guardian at the start of the year.
/// </summary>
public sealed class ParentalConsentService(
    IConsentLedger ledger,
    IPreferenceLinkIssuer links,
    IRequesterMailer mailer,
    TelemetrySecrets secrets,
    ILogger<ParentalConsentService> logger)
{
    private static readonly ActivitySource Source = new("Trust.DataProtection.Consent");
    private static readonly Meter Meter = new("Trust.DataProtection.Consent");
    private static readonly Counter<long> Answers = Meter.CreateCounter<long>("eddsr.consent.answers");

    public async Task SendLinksAsync(string schoolUrn, IReadOnlyList<GuardianContact> guardians, CancellationToken ct)
    {
        using var activity = Source.StartActivity("consent.links.send");
        activity?.SetTag("eddsr.school", schoolUrn); // clean precision-names
        activity?.SetTag("eddsr.guardians.count", guardians.Count); // clean precision-about
        foreach (var guardian in guardians)
        {
            var link = links.Issue(guardian.StudentNumber, TimeSpan.FromDays(30));
            await mailer.SendAsync(guardian.Email, "Consents for this school year", link.Url.ToString(), ct);
            logger.LogDebug("Preference link expires {ExpiresAt}, token starts {TokenPrefix}", link.ExpiresAt, link.Token[..4]); // clean precision-about
            logger.LogTrace("Preference link {Url} sent", link.Url); // leak TC1001 strings
            activity?.AddEvent(new ActivityEvent("link.sent", tags: new ActivityTagsCollection { ["guardian"] = guardian.Name })); // leak TC1001 direct
        }
        logger.LogInformation("Sent consent links to {Guardians}", guardians); // leak TC1001 logging-objects
    }

    public async Task RecordAsync(string studentNumber, string purpose, bool granted, string answeredBy, CancellationToken ct)
    {
        var receipt = new ConsentReceipt(Guid.NewGuid(), studentNumber, "2025-26", new[] { new PurposeConsent(purpose, granted, "consent") }, DateTimeOffset.UtcNow, "preference-centre");
        await ledger.AppendAsync(receipt, ct);
        Answers.Add(1, new KeyValuePair<string, object?>("purpose", purpose), new KeyValuePair<string, object?>("granted", granted)); // clean precision-about
        Answers.Add(1, new KeyValuePair<string, object?>("cohort", CohortOf(studentNumber))); // clean hashes
        logger.LogInformation("Consent {ReceiptId} for {Purpose}: {Granted}", receipt.ReceiptId, purpose, granted); // clean precision-names
        logger.LogInformation("Answered by {AnsweredBy}", answeredBy); // leak TC1001 direct
        Activity.Current?.SetTag("eddsr.consent.receipt", receipt.ReceiptId.ToString()); // clean precision-names
        Activity.Current?.SetTag("eddsr.consent.key", $"{studentNumber.GetHashCode():x8}"); // leak TC1002 hashes
    }

    public void Redeem(string token)
    {
        try
        {
            throw new PreferenceTokenInvalidException(token);
        }
        catch (PreferenceTokenInvalidException ex)
        {
            Activity.Current?.SetTag("eddsr.token.length", ex.Token.Length); // clean precision-about
            Activity.Current?.AddException(ex); // leak TC1001 exceptions
        }
    }

    private string CohortOf(string studentNumber) =>
        (HMACSHA256.HashData(secrets.ShardKey, Encoding.UTF8.GetBytes(studentNumber))[0] % 8).ToString(CultureInfo.InvariantCulture);
}

public sealed record GuardianContact(string StudentNumber, string Name, string Email);
