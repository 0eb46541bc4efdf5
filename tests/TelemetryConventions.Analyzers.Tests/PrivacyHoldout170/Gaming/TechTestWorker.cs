namespace PrivacyHoldout170.Gaming;

/// <summary>Provisions a private repository per candidate for the take-home tech test.</summary>
public sealed class TechTestWorker(
    IQueueReceiver<TechTestInvite> invites,
    ILogger<TechTestWorker> logger,
    Pseudonymizer pseudonymizer,
    TelemetrySecrets secrets) : BackgroundService
{
    private static readonly ActivitySource Source = new("Studio.Careers.TechTests");
    private static readonly Meter Meter = new("Studio.Careers.TechTests");
    private static readonly StudiohireChecksCounter Checks = Meter.CreateStudiohireChecksCounter();
    private static readonly Histogram<double> ProvisionTime = Meter.CreateHistogram<double>("techtest.provision.duration", "s");

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var invite = await invites.ReceiveAsync(stoppingToken);
            if (invite is null)
            {
                continue;
            }
            Provision(invite);
        }
    }

    private void Provision(TechTestInvite invite)
    {
        var started = Stopwatch.GetTimestamp();
        using var span = Source.StartStudiohireOperation("guildford")
            .SetStudiohireCandidateId(pseudonymizer.PseudonymizeStudiohireCandidateId(invite.CandidateId)) // clean generated-api
            .SetStudiohireCheckType("tech_test"); // clean precision-about
        Activity.Current?.SetTag("techtest.invite_id", invite.InviteId); // clean precision-names
        logger.LogInformation("Provisioning tech test {@Invite}", invite); // leak TC1001 logging-objects
        logger.LogInformation("Provisioning tech test for @{Handle}", invite.GitHubHandle); // leak TC1001 direct
        Activity.Current?.SetTag("techtest.repository", invite.RepositoryName); // leak TC1001 direct
        Activity.Current?.SetTag("techtest.github_handle_hash", new Guid(MD5.HashData(Encoding.UTF8.GetBytes(invite.GitHubHandle))).ToString()); // leak TC1002 hashes
        Activity.Current?.SetTag("techtest.github_handle_b64", Convert.ToBase64String(Encoding.UTF8.GetBytes(invite.GitHubHandle))); // leak TC1001 hashes
        Activity.Current?.SetTag("techtest.cohort", Cohort(invite.CandidateId)); // clean hashes
        Activity.Current?.SetBaggage("candidate.ref", pseudonymizer.ComputeStudiohireCandidateId(invite.CandidateId)); // clean precision-pseudonym
        Activity.Current?.SetBaggage("github.handle", invite.GitHubHandle); // leak TC1001 direct
        try
        {
            CreateRepository(invite.RepositoryName);
            span.SetStudiohireOutcome("provisioned"); // clean precision-about
            Checks.Add(1, "guildford", "provisioned"); // clean generated-api
        }
        catch (RepositoryProvisioningException ex)
        {
            span.RecordException(ex); // clean exceptions
            span.SetStatus(ActivityStatusCode.Error, ex.Message); // leak TC1001 exceptions
            logger.LogStudiohireOperationFailedEvent("guildford", "provision_failed", pseudonymizer.PseudonymizeStudiohireCandidateId(invite.CandidateId), "repository could not be created"); // clean generated-api
            Checks.Add(1, "guildford", pseudonymizer.ComputeStudiohireCandidateId(invite.CandidateId)); // leak TC1003 precision-pseudonym
        }
        ProvisionTime.Record(Stopwatch.GetElapsedTime(started).TotalSeconds, new KeyValuePair<string, object?>("template", "unity-gameplay")); // clean precision-names
    }

    private static void CreateRepository(string name)
    {
        if (name.Length > 100)
        {
            throw new RepositoryProvisioningException(name);
        }
    }

    private string Cohort(string candidateId) =>
        (HMACSHA256.HashData(secrets.ShardKey, Encoding.UTF8.GetBytes(candidateId))[0] % 4).ToString(CultureInfo.InvariantCulture);
}
