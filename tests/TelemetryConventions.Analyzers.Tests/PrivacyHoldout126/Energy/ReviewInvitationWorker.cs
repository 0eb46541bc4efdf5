namespace PrivacyHoldout126.Energy;

/// <summary>A job completed by an installer, published by the field service system.</summary>
public sealed record JobCompleted(string JobNumber, string InstallerId, string AccountNumber, string HolderEmail, string HolderFirstName, DateTimeOffset CompletedAt);

public sealed partial class ReviewInvitationWorker(
    IConsumer<string, JobCompleted> consumer,
    IInvitationClient invitations,
    Pseudonymizer pseudonymizer,
    ILogger<ReviewInvitationWorker> logger) : BackgroundService
{
    private static readonly ActivitySource Source = new("Energy.ReviewInvitations");
    private static readonly Meter Meter = new("Energy.ReviewInvitations");
    private static readonly Counter<long> Sent = Meter.CreateCounter<long>("installer.invitations.sent");

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var result = consumer.Consume(stoppingToken);
            if (result is null)
            {
                continue;
            }

            var job = result.Message.Value;
            using var activity = Source.StartActivity("installrev.invite");
            // The jobs-completed topic is keyed by job number, so that a job's events stay in order.
            activity?.SetTag("messaging.kafka.message.key", result.Message.Key); // clean precision-names
            activity?.SetTag("installrev.job", job.JobNumber); // clean precision-names
            activity?.SetTag("installrev.email_domain", job.HolderEmail[(job.HolderEmail.IndexOf('@') + 1)..]); // clean precision-about
            activity?.SetTag(InstallrevAttributes.AuthorContact, job.HolderEmail); // leak TC1001 generated-api
            activity?.SetTag(InstallrevAttributes.AuthorId, pseudonymizer.ComputeInstallrevAuthorId(job.AccountNumber)); // clean precision-pseudonym

            var request = new InvitationRequest(job.JobNumber, job.HolderEmail, job.HolderFirstName, "tpl-install-v3", "en-GB")
            {
                RedirectUri = $"https://example-energy.co.uk/thanks?job={job.JobNumber}",
                Tags = new[] { "install", job.InstallerId },
                PreferredSendTime = job.CompletedAt.AddDays(3),
            };
            logger.LogDebug("Invitation request {@Request}", request); // leak TC1001 logging-objects
            logger.LogDebug("Invitation redirect {Uri}, tags {Tags}", request.RedirectUri, request.Tags); // clean logging-objects

            try
            {
                var response = await invitations.SendAsync(request, stoppingToken);
                activity?.SetTag("installrev.invitation.id", response.InvitationId); // clean precision-names
                Sent.Add(1, new KeyValuePair<string, object?>("status", response.Status), new("template", request.TemplateId)); // clean precision-names
                LogInvited(logger, job.JobNumber, job.HolderFirstName); // leak TC1001 direct
            }
            catch (InvitationRejectedException ex)
            {
                activity?.SetStatus(ActivityStatusCode.Error, ex.Message); // leak TC1001 exceptions
                activity?.AddException(ex); // leak TC1001 exceptions
                logger.LogWarning("Invitation rejected: {Reason}", ex.Reason); // clean exceptions
                Sent.Add(1, new KeyValuePair<string, object?>("status", "rejected"), new("holder", job.HolderEmail)); // leak TC1003 direct
            }

            consumer.Commit(result);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Invited job {JobNumber} holder {FirstName} to review")]
    private static partial void LogInvited(ILogger logger, string jobNumber, string firstName);
}
