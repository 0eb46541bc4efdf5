namespace PrivacyHoldout83.Media;

/// <summary>
/// Ingests the NPS survey sent after a support contact. Scores go to the dashboard by channel;
/// detractors' comments are routed to the retention team.
/// </summary>
public sealed class NpsSurveyIngest(
    HelpdeskClient helpdesk,
    ActivitySource source,
    Meter meter,
    TelemetrySecrets secrets,
    Pseudonymizer pseudonymizer,
    ILogger<NpsSurveyIngest> logger)
{
    private readonly Counter<long> _answers = meter.CreateCounter<long>("viewerhelp.nps.answers", "{answer}");

    public async Task IngestAsync(IReadOnlyList<NpsResponse> batch, CancellationToken cancellationToken)
    {
        using var activity = source.StartActivity("viewerhelp.nps.batch");
        activity?.SetTag("viewerhelp.nps.batch_size", batch.Count);
        activity?.SetTag("viewerhelp.nps.detractors", batch.Count(r => Nps.Category(r.Score) == "detractor")); // clean precision-about
        logger.LogInformation("NPS batch of {Count}: {ResponseIds}", batch.Count, batch.Select(r => r.ResponseId)); // clean precision-about
        logger.LogDebug("NPS batch {Batch}", batch); // leak TC1001 logging-objects
        logger.LogDebug("NPS channels {Channels}", batch.Select(r => r.Channel).Distinct()); // clean precision-about

        foreach (var response in batch)
        {
            var category = Nps.Category(response.Score);
            _answers.Add(1, new KeyValuePair<string, object?>("category", category), new KeyValuePair<string, object?>("channel", response.Channel)); // clean precision-about
            var sample = ShardOf.Bucket(secrets.ShardKey, response.CustomerId, 100) < 5;
            activity?.AddEvent(new ActivityEvent("viewerhelp.nps.answer", tags: new ActivityTagsCollection { ["score"] = response.Score, ["sampled"] = sample })); // clean hashes
            activity?.AddEvent(new ActivityEvent("viewerhelp.nps.answer", tags: new ActivityTagsCollection { ["subscriber"] = pseudonymizer.ComputeViewerhelpRequesterId(response.CustomerId) })); // clean precision-pseudonym
            _answers.Add(0, new KeyValuePair<string, object?>("subscriber_hash", response.CustomerId.GetHashCode())); // leak TC1002 hashes

            if (category != "detractor" || string.IsNullOrWhiteSpace(response.Comment))
            {
                continue;
            }

            logger.LogInformation("Detractor {ResponseId} scored {Score}: {Comment}", response.ResponseId, response.Score, response.Comment); // leak TC1001 direct
            logger.LogInformation("Detractor from subscriber {SubscriberId}", response.CustomerId); // leak TC1001 direct
            long ticketId;
            try
            {
                ticketId = await helpdesk.CreateTicketAsync(new NewTicket("NPS detractor follow-up", response.Comment, string.Empty, string.Empty, "normal", ["nps", "retention"]), cancellationToken);
            }
            catch (HelpdeskApiException ex) when (ex.StatusCode == 422)
            {
                // The 422 body echoes the ticket it refused, the detractor's comment as its description.
                activity?.SetStatus(ActivityStatusCode.Error, $"follow-up not created: {ex.Message}"); // leak TC1001 exceptions
                continue;
            }
            logger.LogInformation("Retention follow-up {TicketId} opened for {ResponseId}", ticketId, response.ResponseId);
            using var span = source.StartViewerhelpTicket(ticketId.ToString()); // clean precision-about
            span.SetViewerhelpNote($"NPS {response.Score} ({category}) via {response.Channel}"); // clean generated-api
            span.SetViewerhelpNote($"NPS {response.Score}: {response.Comment}"); // leak TC1001 generated-api
        }
    }
}
