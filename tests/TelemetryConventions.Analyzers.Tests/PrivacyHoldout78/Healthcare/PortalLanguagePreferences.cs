namespace PrivacyHoldout78.Healthcare;

/// <summary>The language, time-zone and accessibility settings a patient saves in the portal.</summary>
[ApiController]
[Route("api/portal/preferences")]
public sealed partial class PortalLanguagePreferences(
    IPreferenceStore store,
    Pseudonymizer pseudonymizer,
    TelemetrySecrets secrets,
    ILogger<PortalLanguagePreferences> logger) : ControllerBase
{
    private static readonly ActivitySource Source = new("Portal.Preferences");

    [HttpPost("")]
    public async Task<ActionResult> SaveAsync([FromBody] UserPreferences submitted, CancellationToken cancellationToken)
    {
        var hospitalNumber = HttpContext.User.SubjectId!;
        using var activity = Source.StartActivity("preferences.save");
        var before = await store.GetAsync(hospitalNumber, cancellationToken) ?? submitted with { Culture = "en-GB" };
        var changes = PreferenceDiff.Between(before, submitted);

        activity?.SetTag("portal.patient", pseudonymizer.ComputeCarecopyPatientId(hospitalNumber)); // clean precision-pseudonym
        activity?.SetTag("portal.preferences.changed", changes.Count);
        activity?.SetTag("portal.accessibility.screen_reader", submitted.ScreenReader); // clean precision-about
        foreach (var change in changes)
        {
            if (change.Setting == "preferredName")
            {
                LogPreferredNameChanged(logger, change.NewValue ?? string.Empty); // clean direct
                activity?.AddEvent(new ActivityEvent("preferred_name.changed", tags: new ActivityTagsCollection { ["name.to"] = change.NewValue })); // leak TC1001 direct
                continue;
            }
            logger.LogInformation("Preference changed {@Change}", change); // clean logging-objects
        }

        if (!string.Equals(before.Culture, submitted.Culture, StringComparison.OrdinalIgnoreCase))
        {
            logger.LogInformation("Patient {HospitalNumber} switched portal language {From} -> {To}", hospitalNumber, before.Culture, submitted.Culture); // leak TC1001 direct
            OpenTelemetry.Baggage.SetBaggage("ui.culture", submitted.Culture); // clean precision-about
        }

        var cohort = Cohort(hospitalNumber);
        activity?.SetTag("portal.language_survey.cohort", cohort); // clean hashes
        var legacyKey = Convert.ToHexString(SHA1.HashData(Encoding.UTF8.GetBytes(hospitalNumber)))[..12];
        activity?.SetTag("portal.preferences.cache_key", legacyKey); // leak TC1002 hashes

        await store.SaveAsync(submitted with { PersonId = hospitalNumber }, cancellationToken);
        logger.LogDebug("Saved preferences {Preferences}", submitted with { PersonId = hospitalNumber }); // leak TC1001 logging-objects
        return Ok();
    }

    private int Cohort(string hospitalNumber)
    {
        using var hmac = new HMACSHA256(secrets.ShardKey);
        return hmac.ComputeHash(Encoding.UTF8.GetBytes(hospitalNumber))[0] % 4;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Preferred name changed to {PreferredName}")]
    private static partial void LogPreferredNameChanged(ILogger logger, [PrivateData] string preferredName);
}
