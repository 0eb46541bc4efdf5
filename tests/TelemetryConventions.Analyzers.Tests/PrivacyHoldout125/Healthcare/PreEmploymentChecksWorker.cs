namespace PrivacyHoldout125.Healthcare;

/// <summary>
/// After a conditional offer, runs the NHS Employment Check Standards: the enhanced DBS through the
/// screening provider (with the update service where the candidate subscribes), references from the
/// last three years, and an occupational health clearance.
/// </summary>
public sealed partial class PreEmploymentChecksWorker(
    IScreeningClient screening,
    IAtsClient ats,
    Pseudonymizer pseudonymizer,
    TelemetrySecrets secrets,
    ILogger<PreEmploymentChecksWorker> logger)
{
    private static readonly ActivitySource Source = new("Trust.Recruitment.Checks");
    private static readonly Meter Meter = new("Trust.Recruitment.Checks");
    private static readonly NhsjobsCheckDurationHistogram CheckDuration = Meter.CreateNhsjobsCheckDurationHistogram();
    private static readonly Counter<long> ChecksStarted = Meter.CreateCounter<long>("nhsjobs.checks.started");

    private string? _currentCertificate;

    public async Task RunDbsAsync(Application application, Candidate candidate, DateOnly dateOfBirth, CertificateDetails? certificate, CancellationToken cancellationToken)
    {
        var candidateRef = pseudonymizer.PseudonymizeNhsjobsCandidateId(candidate.Id);
        using var span = Source.StartNhsjobsCheck("dbs");
        span.SetNhsjobsApplicationId(application.Id.ToString(CultureInfo.InvariantCulture)).SetNhsjobsCandidateId(candidateRef); // clean generated-api
        ChecksStarted.Add(1, new KeyValuePair<string, object?>("nhsjobs.candidate.id", candidateRef.Value)); // leak TC1003 precision-pseudonym
        ChecksStarted.Add(1, new KeyValuePair<string, object?>("nhsjobs.check.type", "dbs")); // clean precision-names
        var started = Stopwatch.GetTimestamp();

        if (certificate is { OnUpdateService: true })
        {
            _currentCertificate = certificate.CertificateNumber;
            TagCertificate(span.Activity);
            span.Activity?.SetTag("nhsjobs.dbs.workforce", certificate.Workforce); // clean precision-about
            span.Activity?.SetTag("nhsjobs.dbs.issued_year", certificate.IssuedOn.Year); // clean precision-about
            var status = await screening.UpdateServiceStatusAsync(certificate.CertificateNumber, candidate.LastName, dateOfBirth, cancellationToken);
            span.SetNhsjobsOutcome(status); // clean generated-api
            logger.LogInformation("Update service status {Status} for certificate {Certificate}", status, certificate.CertificateNumber); // leak TC1001 direct
            CheckDuration.Record(Stopwatch.GetElapsedTime(started).TotalSeconds, "dbs-update-service", status); // clean generated-api
            return;
        }

        var order = new ScreeningOrder("enhanced-dbs-adult-child", candidate.FirstName, candidate.LastName, dateOfBirth, candidate.EmailAddresses[0], null);
        try
        {
            var result = await screening.OrderAsync(order, cancellationToken);
            span.Activity?.SetTag("nhsjobs.screening.reference", result.CheckReference); // clean precision-names
            span.SetNhsjobsOutcome(result.Status); // clean generated-api
            logger.LogInformation("Screening ordered: {@Result}", result); // clean logging-objects
            logger.LogDebug("Screening order sent: {@Order}", order); // leak TC1001 logging-objects
            span.Activity?.SetTag("nhsjobs.candidate.age", DateTime.UtcNow.Year - dateOfBirth.Year); // clean precision-about
            span.Activity?.SetTag("nhsjobs.candidate.dob", dateOfBirth.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)); // leak TC1001 direct
        }
        catch (ScreeningProviderException ex)
        {
            span.RecordException(ex, includeMessage: true); // clean exceptions
            logger.LogError(ex, "Screening provider refused the order for application {Application}", application.Id); // clean exceptions
            logger.LogNhsjobsStageFailedEvent("pre-employment", "failed", candidateRef, $"dbs order refused: {ex.Code}"); // clean generated-api
        }
        finally
        {
            CheckDuration.Record(Stopwatch.GetElapsedTime(started).TotalSeconds, "dbs"); // clean generated-api
        }
    }

    private void TagCertificate(Activity? activity)
    {
        activity?.SetTag("nhsjobs.dbs.certificate", _currentCertificate); // leak TC1001 cross-member
        activity?.SetTag("nhsjobs.dbs.certificate_length", _currentCertificate?.Length); // clean precision-about
    }

    public void ReferencesReceived(Application application, Candidate candidate, IReadOnlyList<(Referee Referee, ReferenceResponse Response)> references)
    {
        using var activity = Source.StartActivity("nhsjobs.references.review");
        activity?.SetTag("nhsjobs.application.id", application.Id); // clean precision-names
        activity?.SetTag("nhsjobs.references.count", references.Count); // clean precision-about
        activity?.SetTag("nhsjobs.references.all_confirm_dates", references.All(r => r.Response.ConfirmsDates)); // clean precision-about
        activity?.SetTag("nhsjobs.references.sickness_days", references.Sum(r => r.Response.SicknessDays ?? 0)); // clean precision-about
        foreach (var (referee, response) in references)
        {
            LogReferee(logger, referee.Relationship, referee.Email); // clean logging-objects
            LogRefereeUnclassified(logger, referee.Relationship, referee.Email); // leak TC1001 direct
            if (!response.WouldReemploy)
            {
                activity?.AddEvent(new ActivityEvent("reference.concern", tags: new ActivityTagsCollection { ["relationship"] = referee.Relationship, ["comments"] = response.Comments })); // leak TC1001 direct
            }
        }

        var shard = Convert.ToHexString(HMACSHA256.HashData(secrets.ShardKey, BitConverter.GetBytes(candidate.Id)))[..4];
        activity?.SetTag("nhsjobs.review.shard", shard); // clean hashes
        var legacyKey = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(candidate.EmailAddresses[0])));
        activity?.SetTag("nhsjobs.candidate.email_sha256", legacyKey); // leak TC1002 hashes
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Reference from {Relationship} at {RefereeEmail} received")]
    private static partial void LogReferee(ILogger logger, string relationship, [PrivateData] string refereeEmail);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Reference detail: {Relationship}, {RefereeEmail}")]
    private static partial void LogRefereeUnclassified(ILogger logger, string relationship, string refereeEmail);
}
