namespace PrivacyHoldout143.Media;

/// <summary>
/// Passes viewers' rehoming enquiries about the animals featured in an episode to the rescue centres, from the
/// <c>rescuetv.enquiries</c> topic (keyed by the animal's reference, so one animal's enquiries stay in order), and
/// records the contributors' signed releases.
/// </summary>
public sealed class RehomingEnquiryConsumer(
    IConsumer<string, RehomingEnquiry> consumer,
    IRescueCentres centres,
    Pseudonymizer pseudonymizer,
    TelemetrySecrets secrets,
    ActivitySource source,
    ILogger<RehomingEnquiryConsumer> logger) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) => Task.Run(async () =>
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var result = consumer.Consume(stoppingToken);
            if (result is null)
            {
                continue;
            }

            using var activity = source.StartActivity("rescuetv.enquiries process", ActivityKind.Consumer);
            activity?.SetTag("messaging.kafka.message.key", result.Message.Key); // clean precision-names
            activity?.SetTag("messaging.kafka.partition", result.Partition);
            await HandleAsync(result.Message.Value, stoppingToken);
            consumer.Commit(result);
        }
    }, stoppingToken);

    private async Task HandleAsync(RehomingEnquiry enquiry, CancellationToken cancellationToken)
    {
        var animal = await centres.AnimalAsync(enquiry.AnimalRef, cancellationToken);
        if (animal is null)
        {
            logger.LogWarning("Enquiry {EnquiryId} for unknown animal {AnimalRef}", enquiry.EnquiryId, enquiry.AnimalRef); // clean precision-names
            return;
        }

        using var span = source.StartRescuetvOperation(animal.Episode);
        span.SetRescuetvViewerId(pseudonymizer.PseudonymizeRescuetvViewerId(enquiry.ViewerId.ToString())); // clean generated-api
        span.SetRescuetvAppeal(animal.Rescue);
        logger.LogInformation("Enquiry about {Animal}", animal); // clean logging-objects
        logger.LogInformation("Enquiry received {Enquiry}", enquiry); // leak TC1001 logging-objects
        Activity.Current?.SetTag("rescuetv.enquiry.message_length", enquiry.Message.Length); // clean precision-about
        Activity.Current?.SetTag("rescuetv.enquiry.message", enquiry.Message); // leak TC1001 direct

        var caller = $"{enquiry.Name} ({enquiry.Phone})";
        logger.LogDebug("Forwarding the enquiry of {Caller} to {Rescue}", caller, animal.Rescue); // leak TC1001 strings
        await centres.ForwardAsync(enquiry, cancellationToken);

        Activity.Current?.SetTag("rescuetv.enquiry.viewer_hash", enquiry.ViewerId.GetHashCode()); // leak TC1002 hashes
        var sampled = (HMACSHA256.HashData(secrets.PseudonymKey, enquiry.ViewerId.ToByteArray())[0] & 0x0F) == 0;
        Activity.Current?.SetTag("rescuetv.enquiry.sampled", sampled); // clean hashes
        span.SetRescuetvOutcome("forwarded");
    }

    public void RecordRelease(ContributorRelease release, string contributorId)
    {
        using var span = source.StartRescuetvOperation(release.Episode);
        span.SetRescuetvContributorId(pseudonymizer.PseudonymizeRescuetvContributorId(contributorId)); // clean generated-api
        logger.LogInformation("Release {ReleaseId} signed for {Episode}", release.ReleaseId, release.Episode); // clean precision-names
        logger.LogInformation("Release signed {Release}", release); // leak TC1001 logging-objects
        Activity.Current?.SetTag(RescuetvAttributes.Contact, release.Email); // leak TC1001 generated-api
    }
}
