namespace PrivacyHoldout125.Education;

/// <summary>
/// Keeping Children Safe in Education asks for references before interview: this service sends the
/// reference form to each referee a shortlisted applicant named, chases late ones, and records what
/// came back.
/// </summary>
public sealed class SafeguardingReferenceService(
    IAtsClient ats,
    Pseudonymizer pseudonymizer,
    TelemetrySecrets secrets,
    ILogger<SafeguardingReferenceService> logger)
{
    private static readonly ActivitySource Source = new("Trust.Hiring.References");
    private static readonly Meter Meter = new("Trust.Hiring.References");
    private static readonly Counter<long> Sent = Meter.CreateCounter<long>("schooljobs.references.sent");
    private static readonly SchooljobsCheckDurationHistogram Turnaround = Meter.CreateSchooljobsCheckDurationHistogram();

    public async Task SendAsync(Application application, Candidate candidate, IReadOnlyList<Referee> referees, CancellationToken cancellationToken)
    {
        using var span = Source.StartSchooljobsCheck("reference");
        span.SetSchooljobsApplicationId(application.Id.ToString(CultureInfo.InvariantCulture)); // clean generated-api
        span.SetSchooljobsCandidateId(pseudonymizer.PseudonymizeSchooljobsCandidateId(candidate.Id)); // clean precision-pseudonym
        span.Activity?.SetTag("schooljobs.referees", referees.Count); // clean precision-about
        span.Activity?.SetTag("schooljobs.referees.relationships", string.Join(",", referees.Select(r => r.Relationship))); // clean precision-names
        span.Activity?.SetTag("schooljobs.referees.current_employer_included", referees.Any(r => r.Relationship == "current headteacher")); // clean precision-about

        foreach (var referee in referees)
        {
            var request = new ReferenceRequest(Guid.NewGuid().ToString("N"), application.Id, referee, new Uri($"https://refs.example.org/form/{Guid.NewGuid():N}"), DateTimeOffset.UtcNow);
            try
            {
                await SendMailAsync(request, cancellationToken);
                Sent.Add(1, new KeyValuePair<string, object?>("schooljobs.referee.organisation_type", referee.Organisation.Contains("School", StringComparison.OrdinalIgnoreCase) ? "school" : "other")); // clean precision-about
                logger.LogInformation("Reference request {RequestId} sent to {Referee}", request.RequestId, referee.Name); // leak TC1001 direct
                logger.LogDebug("Reference request {@Request}", request); // leak TC1001 logging-objects
            }
            catch (ReferenceBouncedException ex)
            {
                span.Activity?.AddException(ex); // leak TC1001 exceptions
                logger.LogWarning("Reference request {RequestId} bounced: {Reason}", request.RequestId, ex.Reason); // clean exceptions
                logger.LogSchooljobsStageFailedEvent("reference", "bounced", schooljobsNote: $"referee mail bounced for {referee.Email}"); // leak TC1001 generated-api
            }
        }
    }

    public void Received(Application application, Candidate candidate, Referee referee, ReferenceResponse response, DateTimeOffset sentAt)
    {
        using var activity = Source.StartActivity("schooljobs.reference.received");
        activity?.SetTag("schooljobs.request.id", response.RequestId); // clean precision-names
        activity?.SetTag("schooljobs.reference.confirms_dates", response.ConfirmsDates); // clean precision-about
        activity?.SetTag("schooljobs.reference.comments", response.Comments); // leak TC1001 direct
        activity?.SetTag("schooljobs.reference.comments_length", response.Comments?.Length ?? 0); // clean precision-about
        activity?.SetTag("schooljobs.referee.phone", referee.Phone); // leak TC1001 direct
        Turnaround.Record((response.ReceivedAt - sentAt).TotalSeconds, "reference", response.ConfirmsDates ? "confirmed" : "discrepancy"); // clean generated-api
        var bucket = (uint)referee.Email.GetHashCode() % 8;
        activity?.SetTag("schooljobs.referee.bucket", bucket); // leak TC1002 hashes
        var keyed = HMACSHA256.HashData(secrets.ShardKey, Encoding.UTF8.GetBytes(referee.Email))[0] % 8;
        activity?.SetTag("schooljobs.referee.shard", keyed); // clean hashes
        logger.LogInformation("Reference for {Candidate} received from {Relationship}", pseudonymizer.ComputeSchooljobsCandidateId(candidate.Id), referee.Relationship); // clean precision-pseudonym
    }

    private static Task SendMailAsync(ReferenceRequest request, CancellationToken cancellationToken) => Task.CompletedTask;
}
