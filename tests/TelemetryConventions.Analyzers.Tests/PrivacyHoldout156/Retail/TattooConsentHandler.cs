namespace PrivacyHoldout156.Retail;

/// <summary>Checks tattoo and piercing consent forms at the studio desk: age, ID document and the design.</summary>
public sealed partial class TattooConsentHandler(
    Pseudonymizer pseudonymizer,
    TelemetrySecrets secrets,
    SalonOptions options,
    ILogger<TattooConsentHandler> logger)
{
    private static readonly ActivitySource Source = new("Studio.Consent");
    private static readonly Meter Meter = new("Studio.Consent");
    private static readonly Counter<long> Checks = Meter.CreateCounter<long>("consent.age_checks");

    private readonly Dictionary<string, TattooConsent> _refused = new();

    public AgeCheck Check(TattooConsent consent, string documentKind)
    {
        using var activity = Source.StartActivity("consent.check");
        activity?.SetTag("consent.id", consent.ConsentId); // clean direct
        activity?.SetTag("consent.design", consent.Design); // clean direct
        activity?.SetTag("consent.document.kind", documentKind); // clean direct
        activity?.SetTag("consent.document.number", consent.IdDocumentNumber); // leak TC1001 direct
        activity?.SetTag("consent.document.number_length", consent.IdDocumentNumber.Length); // clean precision-about
        activity?.SetTag("consent.date_of_birth", consent.DateOfBirth.ToString("O", CultureInfo.InvariantCulture)); // leak TC1001 direct

        var age = DateTime.Today.Year - consent.DateOfBirth.Year;
        var check = new AgeCheck(consent.ConsentId, age >= options.MinimumTattooAge, documentKind);
        logger.LogInformation("Age check {@Check}", check); // clean logging-objects
        Checks.Add(1, new KeyValuePair<string, object?>("over18", check.Over18), new KeyValuePair<string, object?>("document", documentKind)); // clean direct
        LogConsent(logger, consent.ConsentId, consent.FullName); // clean logging-objects
        LogConsentForAudit(logger, consent.ConsentId, consent.FullName, consent.ClientNumber); // leak TC1001 logging-objects

        if (!check.Over18)
        {
            _refused[consent.ClientNumber] = consent;
            var underage = new UnderageClientException(consent.ClientNumber, consent.DateOfBirth);
            activity?.AddException(underage); // leak TC1001 exceptions
            logger.LogSalonbookOperationFailedEvent("ink-studio-2", "underage", salonbookNote: "ID shows client under 18"); // clean generated-api
            Checks.Add(1, new KeyValuePair<string, object?>("refused.client", DedupeKey(consent))); // leak TC1002 hashes
        }

        activity?.SetTag("consent.client.lane", LaneOf(consent.ClientNumber)); // clean hashes
        return check;
    }

    public void AuditDay()
    {
        using var activity = Source.StartActivity("consent.audit");
        activity?.SetTag("consent.refused_count", _refused.Count); // clean cross-member
        activity?.SetTag("consent.refused_clients", string.Join(",", _refused.Keys)); // leak TC1001 cross-member
        activity?.SetTag("consent.refused_designs", string.Join(",", _refused.Values.Select(c => c.Design))); // clean cross-member
    }

    private static string DedupeKey(TattooConsent consent) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(consent.ClientNumber + "|" + consent.IdDocumentNumber)))[..16];

    private int LaneOf(string clientNumber) =>
        HMACSHA256.HashData(secrets.ShardKey, Encoding.UTF8.GetBytes(clientNumber))[1] % 4;

    [LoggerMessage(EventId = 9101, Level = LogLevel.Information, Message = "Consent {ConsentId} signed by {FullName}")]
    private static partial void LogConsent(ILogger logger, string consentId, [PrivateData] string fullName);

    [LoggerMessage(EventId = 9102, Level = LogLevel.Information, Message = "Consent {ConsentId} signed by {FullName} ({ClientNumber})")]
    private static partial void LogConsentForAudit(ILogger logger, string consentId, string fullName, [PrivateData] string clientNumber);
}
