namespace PrivacyHoldout151.Media;

/// <summary>The broadcaster's free TV licence for over-75s on Pension Credit: an application is checked with the benefits department.</summary>
public sealed partial class ConcessionApplicationHandler(
    IBenefitsGateway benefits,
    ActivitySource source,
    Meter meter,
    Pseudonymizer pseudonymizer,
    ILogger<ConcessionApplicationHandler> logger)
{
    private static readonly Counter<long> Decisions = new Meter("Broadcaster.Licensing").CreateCounter<long>("concession.decisions");
    private readonly Stopwatch _clock = new();

    public async Task<PensionCreditConfirmation> HandleAsync(ConcessionApplication application, string region, CancellationToken cancellationToken)
    {
        using var span = source.StartTvlicenceOperation(region);
        using var scope = logger.BeginScope(new Dictionary<string, object> { ["ApplicationId"] = application.ApplicationId, ["LicenceNumber"] = application.LicenceNumber }); // leak TC1001 logging-objects
        span.SetTvlicenceHolderId(pseudonymizer.PseudonymizeTvlicenceHolderId(application.LicenceNumber)); // clean precision-pseudonym
        Activity.Current?.SetTag("concession.application.id", application.ApplicationId); // clean precision-names
        Activity.Current?.SetTag("concession.applicant.age", Age(application.DateOfBirth)); // clean precision-about
        Activity.Current?.SetTag("concession.applicant.postcode", application.Postcode); // leak TC1001 direct
        Activity.Current?.SetTag("concession.applicant.nino", application.Nino); // leak TC1001 direct

        _clock.Restart();
        var familyName = application.ApplicantName.Split(' ').Last();
        var check = await benefits.CheckAsync(application.Nino, application.DateOfBirth, familyName, cancellationToken);
        meter.CreateTvlicenceCheckDurationHistogram().Record(_clock.Elapsed.TotalSeconds, tvlicenceRegion: region); // clean generated-api
        var confirmation = new PensionCreditConfirmation(check.CheckId, check.InPayment && check.Benefit == "PensionCredit");

        Decisions.Add(1, new KeyValuePair<string, object?>("confirmed", confirmation.Confirmed), new KeyValuePair<string, object?>("region", region)); // clean precision-about
        Decisions.Add(1, new KeyValuePair<string, object?>("licence", application.LicenceNumber)); // leak TC1003 direct
        meter.CreateTvlicenceApplicationsCounter().Add(1, tvlicenceRegion: region, tvlicenceOutcome: confirmation.Confirmed ? "free" : "refused"); // clean generated-api
        logger.LogInformation("Concession {Confirmation}", confirmation); // clean logging-objects
        LogDecision(logger, application.ApplicantName, confirmation.Confirmed); // clean logging-objects
        LogDecisionForPost(logger, application.ApplicantName, application.Postcode); // leak TC1001 logging-objects
        span.SetTvlicenceNote(confirmation.Confirmed ? "Free licence" : $"Refused for {application.ApplicantName}, {application.Postcode}"); // leak TC1001 generated-api
        return confirmation;
    }

    public void OnLicenceNotFound(LicenceNotFoundException ex, string region)
    {
        logger.LogTvlicenceOperationFailedEvent(region, ex.Message); // leak TC1001 generated-api
        logger.LogTvlicenceOperationFailedEvent(region, "licence-not-found"); // clean generated-api
        Activity.Current?.SetStatus(ActivityStatusCode.Error, "licence-not-found"); // clean exceptions
    }

    private static int Age(DateOnly dateOfBirth) => DateOnly.FromDateTime(DateTime.Today).Year - dateOfBirth.Year;

    [LoggerMessage(Level = LogLevel.Information, Message = "Concession decided for {ApplicantName}: {Confirmed}")]
    private static partial void LogDecision(ILogger logger, [PrivateData] string applicantName, bool confirmed);

    [LoggerMessage(Level = LogLevel.Information, Message = "Letter to {ApplicantName} at {Postcode}")]
    private static partial void LogDecisionForPost(ILogger logger, string applicantName, string postcode);
}
