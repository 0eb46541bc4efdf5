namespace PrivacyHoldout139.Media;

public sealed record ReporterSignup(string SchoolUrn, string PupilFirstName, string PupilSurname, string YearGroup, string ParentEmail, bool FilmingConsent, bool NameOnAirConsent, string StoryPitch);

/// <summary>Schools sign pupils up to the young reporter programme; parents consent to filming and to names on air.</summary>
[ApiController]
[Route("api/young-reporter/signups")]
public sealed class YoungReporterSignupsController(
    IParentMessenger messenger,
    Pseudonymizer pseudonymizer,
    TelemetrySecrets secrets,
    ILogger<YoungReporterSignupsController> logger) : ControllerBase
{
    private static readonly ActivitySource Source = new("Newsround.YoungReporter");
    private static readonly Meter Meter = new("Newsround.YoungReporter");
    private static readonly Counter<long> Signups = Meter.CreateCounter<long>("young_reporter.signups");

    [HttpPost]
    public async Task<ActionResult> SignUp([FromBody] ReporterSignup signup, CancellationToken ct)
    {
        var pupilRef = $"{signup.SchoolUrn}-{signup.PupilSurname.ToUpperInvariant()}-{signup.PupilFirstName[0]}";
        using var span = Source.StartYoungreporterOperation("young-reporter")
            .SetYoungreporterSchoolUrn(signup.SchoolUrn) // clean precision-names
            .SetYoungreporterPupilId(pseudonymizer.PseudonymizeYoungreporterPupilId(pupilRef)); // clean generated-api
        span.Activity?.SetTag("signup.ref", pupilRef); // leak TC1001 strings
        span.Activity?.SetTag("signup.consent.filming", signup.FilmingConsent); // clean precision-about
        span.Activity?.SetTag("signup.consent.name_on_air", signup.NameOnAirConsent); // clean precision-about
        span.Activity?.SetTag("signup.pitch.length", signup.StoryPitch.Length); // clean precision-about
        Signups.Add(1, new KeyValuePair<string, object?>("year_group", signup.YearGroup), new KeyValuePair<string, object?>("pupil", pseudonymizer.ComputeYoungreporterPupilId(pupilRef))); // leak TC1003 precision-pseudonym
        logger.LogInformation("Sign-up {Signup}", signup); // leak TC1001 logging-objects
        logger.LogInformation("Pitch from {School}: {Pitch}", signup.SchoolUrn, signup.StoryPitch); // leak TC1001 direct

        var shard = HMACSHA256.HashData(secrets.ShardKey, Encoding.UTF8.GetBytes(pupilRef))[0] % 8;
        span.Activity?.SetTag("signup.review_shard", shard); // clean hashes
        var md5 = new Guid(MD5.HashData(Encoding.UTF8.GetBytes(signup.ParentEmail)));
        span.Activity?.SetTag("signup.parent.key", md5.ToString()); // leak TC1002 hashes

        try
        {
            await messenger.SendAsync(new ParentMessage("tpl-young-reporter-consent", signup.ParentEmail, "", $"Please confirm {signup.PupilFirstName} may be filmed."), ct);
        }
        catch (MessageDeliveryException ex)
        {
            span.Activity?.AddException(ex); // leak TC1001 exceptions
            span.SetYoungreporterOutcome(ex.GetType().Name); // clean exceptions
            span.Activity?.SetTag(YoungreporterAttributes.Contact, "[undeliverable]"); // clean generated-api
        }
        return Ok();
    }
}
