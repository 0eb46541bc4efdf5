namespace PrivacyHoldout133.Education;

/// <summary>Consumes sponsorships of pupils' sponsored read-a-thon pages and keeps each school's totals.</summary>
public sealed class ReadathonConsumer(
    IConsumer<string, string> consumer,
    IFundraisingPlatform platform,
    Pseudonymizer pseudonymizer,
    ILogger<ReadathonConsumer> logger) : BackgroundService
{
    private static readonly ActivitySource Source = new("Trust.Readathon");
    private static readonly Meter Meter = new("Trust.Readathon");
    private static readonly Counter<double> Raised = Meter.CreateCounter<double>("trust.readathon.raised", "GBP");

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var result = consumer.Consume(stoppingToken);
            if (result is null)
            {
                continue;
            }

            // The sponsorships topic is keyed by the page's short name, which the platform builds from the pupil's name.
            using var activity = Source.StartActivity("readathon.sponsorship");
            activity?.SetTag("messaging.kafka.partition", result.Partition); // clean precision-names
            activity?.SetTag("messaging.kafka.message.key", result.Message.Key); // leak TC1001 direct
            var sponsorship = JsonSerializer.Deserialize<Sponsorship>(result.Message.Value)!;
            activity?.SetTag("sponsorship.id", sponsorship.SponsorshipId); // clean precision-names
            activity?.SetTag("sponsorship.page_id", sponsorship.PageId); // clean precision-names
            activity?.SetTag("sponsorship.anonymous", sponsorship.Anonymous); // clean precision-about
            activity?.SetTag("sponsorship.message.length", sponsorship.Message?.Length ?? 0); // clean precision-about
            logger.LogInformation("Sponsorship received {Sponsorship}", sponsorship); // leak TC1001 logging-objects
            logger.LogInformation("Sponsor {Sponsor} wrote: {Message}", sponsorship.Anonymous ? "anonymous" : sponsorship.SponsorName, sponsorship.Message); // leak TC1001 direct

            try
            {
                var page = await platform.PageAsync(result.Message.Key, stoppingToken)
                    ?? throw new PageNotFoundException(result.Message.Key);
                Raised.Add((double)sponsorship.Amount, new KeyValuePair<string, object?>("event", page.EventCode)); // clean precision-about
                activity?.SetTag("page.progress", page.Target == 0 ? 0 : (double)(page.Raised / page.Target)); // clean precision-about
                activity?.SetTag("page.owner", pseudonymizer.PseudonymizeBursaryStudentId(page.OwnerId).Value); // clean precision-pseudonym
                activity?.SetTag("page.url", $"https://give.example.org/page/{page.ShortName}"); // leak TC1001 strings
            }
            catch (PageNotFoundException ex)
            {
                activity?.SetStatus(ActivityStatusCode.Error, ex.Message); // leak TC1001 exceptions
                logger.LogError("Sponsorship for unknown page: {ExceptionType}", ex.GetType().Name); // clean exceptions
            }
            catch (PlatformRateLimitedException ex)
            {
                logger.LogWarning(ex, "Fundraising platform throttled at offset {Offset}", result.Offset); // clean exceptions
            }

            consumer.Commit(result);
        }
    }
}
