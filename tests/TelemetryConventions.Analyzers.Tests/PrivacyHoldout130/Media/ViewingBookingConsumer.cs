namespace PrivacyHoldout130.Media;

public sealed record ViewingBooked(Guid ViewingId, string ListingId, string AgentBranchId, Guid PortalAccountId, string ApplicantName, string ApplicantEmail, DateTimeOffset SlotStart, string Kind);

/// <summary>
/// Consumes <c>agent-diary.viewings</c> (keyed by listing id) from the agents' diary integration and updates the
/// listing's stats and the renter's saved viewings.
/// </summary>
public sealed class ViewingBookingConsumer(
    IConsumer<string, ViewingBooked> consumer,
    Pseudonymizer pseudonymizer,
    ILogger<ViewingBookingConsumer> logger) : BackgroundService
{
    private static readonly ActivitySource Source = new("Portal.Viewings");
    private static readonly Meter Meter = new("Portal.Viewings");
    private static readonly Histogram<double> LeadTime = Meter.CreateHistogram<double>("portal.viewing.lead_time", "h");

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        while (!stoppingToken.IsCancellationRequested)
        {
            var result = consumer.Consume(stoppingToken);
            if (result?.Message.Value is not { } booked)
            {
                continue;
            }
            using var span = Source.StartListingsTenancy(booked.ListingId);
            span.Activity?.SetTag("messaging.kafka.message.key", result.Message.Key); // clean precision-names
            span.Activity?.SetTag("viewing.kind", booked.Kind); // clean precision-names
            span.SetListingsTenantId(pseudonymizer.PseudonymizeListingsTenantId(booked.PortalAccountId.ToString())); // clean precision-pseudonym
            var hours = (booked.SlotStart - DateTimeOffset.UtcNow).TotalHours;
            LeadTime.Record(hours, new KeyValuePair<string, object?>("branch", booked.AgentBranchId), new("kind", booked.Kind)); // clean precision-about
            logger.LogInformation("Viewing {ViewingId} for listing {ListingId} at {SlotStart}", booked.ViewingId, booked.ListingId, booked.SlotStart); // clean precision-names
            logger.LogInformation("Viewing booked {Booked}", booked); // leak TC1001 logging-objects
            logger.LogInformation("Viewing booked by {Applicant} <{Email}>", booked.ApplicantName, booked.ApplicantEmail); // leak TC1001 direct

            var summary = string.Format(CultureInfo.InvariantCulture, "{0} viewing for {1} at {2:t}", booked.Kind, booked.ApplicantName, booked.SlotStart);
            span.Activity?.AddEvent(new ActivityEvent("viewing.summary", tags: new ActivityTagsCollection { ["summary"] = summary })); // leak TC1001 strings
            var digest = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(booked.ApplicantEmail.ToLowerInvariant())));
            span.Activity?.SetTag("viewing.applicant.dedupe", digest); // leak TC1002 hashes

            if (booked.SlotStart < DateTimeOffset.UtcNow)
            {
                var ex = new ViewingSlotTakenException(booked.ListingId, booked.SlotStart);
                logger.LogWarning(ex, "Viewing in the past dropped"); // clean exceptions
                continue;
            }
            consumer.Commit(result);
        }
    }
}
