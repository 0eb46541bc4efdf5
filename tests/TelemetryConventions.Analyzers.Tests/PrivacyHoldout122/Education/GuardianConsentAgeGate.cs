namespace PrivacyHoldout122.Education;

public sealed record LearnerSignup(string StudentNumber, string DisplayName, DateOnly DateOfBirth, string? GuardianEmail, string? GuardianPhone, string Campus);

/// <summary>
/// The learning platform's age gate: learners under 16 need a guardian's consent, given from a link sent
/// to the guardian; a learner without a date of birth on file takes a selfie age estimate.
/// </summary>
public sealed partial class GuardianConsentAgeGate(
    IBiometricsClient biometrics,
    Pseudonymizer pseudonymizer,
    TelemetrySecrets secrets,
    ActivitySource source,
    Meter meter,
    ILogger<GuardianConsentAgeGate> logger)
{
    private const int ConsentAge = 16;

    private readonly Counter<long> _gates = meter.CreateCounter<long>("learner.age_gate");

    [LoggerMessage(Level = LogLevel.Information, Message = "Consent link sent to guardian {GuardianEmail} for learner {StudentNumber}")]
    private static partial void ConsentLinkSent(ILogger logger, string guardianEmail, string studentNumber);

    [LoggerMessage(Level = LogLevel.Information, Message = "Consent link sent to guardian {GuardianEmail} for learner {StudentNumber}")]
    private static partial void ConsentLinkSentRedacted(ILogger logger, [PrivateData] string guardianEmail, [PrivateData] string studentNumber);

    public Task<string> GateAsync(LearnerSignup signup, CancellationToken cancellationToken)
    {
        using var activity = source.StartActivity("learner.age_gate");
        var age = AgeOn(signup.DateOfBirth, DateOnly.FromDateTime(DateTime.Today));
        activity?.SetTag("learner.age", age); // clean precision-about
        activity?.SetTag("learner.age_band", age < 13 ? "under13" : age < ConsentAge ? "13-15" : "16+"); // clean precision-about
        activity?.SetTag("learner.birth_date", signup.DateOfBirth); // leak TC1001 direct
        activity?.SetTag("learner.display_name", signup.DisplayName); // leak TC1001 direct
        activity?.SetTag("learner.has_guardian_contact", signup.GuardianEmail is not null || signup.GuardianPhone is not null); // clean precision-about
        _gates.Add(1, new TagList { { "campus", signup.Campus }, { "needs_consent", age < ConsentAge } }); // clean precision-about

        if (age >= ConsentAge)
        {
            return Task.FromResult("allowed");
        }

        if (signup.GuardianEmail is null)
        {
            logger.LogWarning("Learner {StudentRef} under 16 without a guardian email; phone {GuardianPhone}", pseudonymizer.ComputeEnrolidvStudentId(signup.StudentNumber), signup.GuardianPhone); // leak TC1001 direct
            return Task.FromResult("blocked");
        }

        ConsentLinkSent(logger, signup.GuardianEmail, signup.StudentNumber); // leak TC1001 logging-objects
        ConsentLinkSentRedacted(logger, signup.GuardianEmail, signup.StudentNumber); // clean logging-objects
        activity?.SetTag(EnrolidvAttributes.StudentContact, signup.GuardianEmail); // leak TC1001 direct
        activity?.SetTag("guardian.email_domain", signup.GuardianEmail[(signup.GuardianEmail.IndexOf('@') + 1)..]); // clean precision-about
        activity?.AddEvent(new ActivityEvent("consent.requested", tags: new ActivityTagsCollection { ["learner"] = pseudonymizer.ComputeEnrolidvStudentId(signup.StudentNumber), ["channel"] = "email" })); // clean precision-pseudonym
        return Task.FromResult("pending-consent");
    }

    public async Task<bool> EstimateAsync(string studentNumber, SelfieCapture capture, CancellationToken cancellationToken)
    {
        using var span = source.StartEnrolidvVerify(capture.Id, "facetrust").SetEnrolidvDocumentType("selfie"); // clean generated-api
        span.Activity?.SetTag("selfie.device_model", capture.DeviceModel); // clean precision-names
        span.Activity?.SetTag("selfie.sdk_version", capture.SdkVersion); // clean precision-names
        try
        {
            var estimate = await biometrics.EstimateAgeAsync(capture, ConsentAge, cancellationToken);
            span.Activity?.SetTag("age_estimate.value", estimate.EstimatedAge); // clean precision-about
            span.Activity?.SetTag("age_estimate.over_threshold", estimate.OverThreshold); // clean precision-about
            span.SetEnrolidvOutcome(estimate.OverThreshold ? "over" : "under"); // clean generated-api
            logger.LogInformation("Age estimate for {Learner}: {Estimate}", studentNumber, estimate.EstimatedAge); // leak TC1001 direct
            span.Activity?.SetTag("learner.bucket", Convert.ToHexString(MD5.HashData(Encoding.UTF8.GetBytes(studentNumber)))[..4]); // leak TC1002 hashes
            span.Activity?.SetTag("learner.shard", BitConverter.ToUInt16(HMACSHA256.HashData(secrets.ShardKey, Encoding.UTF8.GetBytes(studentNumber))) % 64); // clean hashes
            return estimate.OverThreshold;
        }
        catch (CaptureRejectedException ex)
        {
            span.RecordException(ex, includeMessage: true); // clean exceptions
            logger.LogInformation(ex, "Selfie rejected for learner {Learner}: {Reason}", pseudonymizer.ComputeEnrolidvStudentId(studentNumber), ex.Reason); // clean precision-pseudonym
            return false;
        }
    }

    private static int AgeOn(DateOnly dob, DateOnly today) => today.Year - dob.Year - (today < dob.AddYears(today.Year - dob.Year) ? 1 : 0);
}
