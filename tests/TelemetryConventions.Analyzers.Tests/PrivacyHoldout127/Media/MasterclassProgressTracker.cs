namespace PrivacyHoldout127.Media;

public sealed record LessonProgress(Guid SubscriberId, Guid ProfileId, string ProfileName, string CourseCode, string Lesson, double PercentWatched, string DeviceClass);

/// <summary>The streaming service's masterclasses: subscribers' lesson progress and a certificate of completion at the end of a course.</summary>
public sealed class MasterclassProgressTracker(ILmsClient lms, ICertificateIssuer issuer, Pseudonymizer pseudonymizer, ILogger<MasterclassProgressTracker> logger)
{
    private static readonly ActivitySource Source = new("Streaming.Masterclass");
    private static readonly Meter Meter = new("Streaming.Masterclass");
    private readonly NewsroomcpdCompletionsCounter _completions = Meter.CreateNewsroomcpdCompletionsCounter();

    public async Task ProgressAsync(LessonProgress progress, Guid enrolmentId, CancellationToken ct)
    {
        var subscriber = pseudonymizer.PseudonymizeNewsroomcpdSubscriberId(progress.SubscriberId.ToString());
        using var span = Source.StartNewsroomcpdRecord(progress.CourseCode, spanName: "masterclass.progress")
            .SetNewsroomcpdLesson(progress.Lesson) // clean precision-names
            .SetNewsroomcpdSubscriberId(subscriber); // clean precision-pseudonym
        span.Activity?.SetTag("masterclass.device.class", progress.DeviceClass); // clean precision-about
        span.Activity?.SetTag("masterclass.percent", progress.PercentWatched); // clean precision-about
        span.Activity?.SetTag("masterclass.enrolment", $"{progress.SubscriberId:N}/{progress.CourseCode}"); // leak TC1001 strings
        span.Activity?.SetTag("masterclass.profile", progress.ProfileId); // leak TC1001 direct
        span.Activity?.SetTag("masterclass.profile.name", progress.ProfileName); // leak TC1001 direct

        var state = await lms.GetProgressAsync(enrolmentId, ct);
        logger.LogDebug("Progress {@Progress}", state); // clean logging-objects
        if (state.PercentComplete < 100)
        {
            return;
        }

        _completions.Add(1, progress.CourseCode, "completed"); // clean precision-names
        var certificate = await issuer.IssueAsync(progress.CourseCode, progress.ProfileName, string.Empty, new CertificateTemplate("tpl-masterclass", "Masterclass", "en-GB", 2), ct);
        span.SetNewsroomcpdCertificateRef(certificate.VerificationUrl.AbsoluteUri); // leak TC1001 generated-api
        span.Activity?.AddEvent(new ActivityEvent("certificate.issued", tags: new ActivityTagsCollection { ["course"] = certificate.CourseCode, ["issued_on"] = certificate.IssuedOn.ToString("O", CultureInfo.InvariantCulture) })); // clean precision-about
        logger.LogInformation("Certificate {Number} for subscriber {Subscriber}", certificate.CertificateNumber, subscriber); // leak TC1001 direct
        logger.LogInformation("Certificate for subscriber {Subscriber} on {Course}", subscriber, certificate.CourseCode); // clean precision-pseudonym
    }
}
