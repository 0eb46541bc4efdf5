namespace PrivacyHoldout88.Education;

public sealed record PassbackFailure(string CourseCode, string AssignmentId, string StudentNumber, string StudentEmail, string Error);

/// <summary>
/// Grade passback from the VLE to the student records system. Failures are grouped per course and posted
/// to the registry team's channel; a failure for one student is paged so it is fixed before results day.
/// </summary>
public sealed class GradePassbackAlerts(
    IEventsApiClient events,
    IChatWebhook slack,
    ActivitySource source,
    Meter meter,
    Pseudonymizer pseudonymizer,
    TelemetrySecrets secrets,
    AlertingOptions options,
    ILogger<GradePassbackAlerts> logger)
{
    private readonly Counter<long> _failures = meter.CreateCounter<long>("campuspage.passback.failures", "{failure}");

    public async Task ReportAsync(string courseCode, IReadOnlyList<PassbackFailure> failures, CancellationToken cancellationToken)
    {
        using var span = source.StartCampuspagePage("grade-passback", failures.Count > 20 ? "error" : "warning");
        span.SetCampuspageDedupKey(DedupKeys.Of("grade-passback", courseCode)); // clean precision-names
        _failures.Add(failures.Count, new KeyValuePair<string, object?>("course", courseCode)); // clean precision-about
        logger.LogWarning("{Count} passback failures on {Course}", failures.Count, courseCode); // clean precision-about

        var students = string.Join(", ", failures.Select(f => f.StudentNumber));
        logger.LogWarning("Passback failed for students {Students}", students); // leak TC1001 strings
        logger.LogDebug("Failures {@Failures}", failures); // leak TC1001 logging-objects

        var message = new ChatMessage { Channel = options.AlertsChannelId, Text = $"Grade passback failed for {failures.Count} students on {courseCode}" };
        foreach (var failure in failures.Take(10))
        {
            message.Blocks.Add(new SectionBlock($"• {failure.StudentNumber} ({failure.StudentEmail}): {failure.Error}"));
        }

        message.Blocks.Add(new ButtonBlock("Retry all", "retry-passback", courseCode));
        Activity.Current?.SetTag("slack.text", message.Text); // clean strings
        Activity.Current?.SetTag("slack.blocks", string.Join("\n", message.Blocks)); // leak TC1001 strings
        Activity.Current?.SetTag("slack.block_count", message.Blocks.Count); // clean precision-about
        await slack.PostAsync(message, cancellationToken);

        foreach (var failure in failures.Where(f => f.Error.StartsWith("SIS-409", StringComparison.Ordinal)))
        {
            var legacyKey = Convert.ToHexString(SHA1.HashData(Encoding.UTF8.GetBytes(failure.StudentNumber)))[..12];
            span.SetCampuspageIncidentId(legacyKey); // leak TC1002 hashes
            var lane = HMACSHA256.HashData(secrets.ShardKey, Encoding.UTF8.GetBytes(failure.StudentNumber))[0] % 8;
            Activity.Current?.SetTag("passback.lane", lane); // clean hashes
            span.SetCampuspageStudentId(pseudonymizer.PseudonymizeCampuspageStudentId(failure.StudentNumber)); // clean precision-pseudonym

            var alert = new AlertEvent(options.RoutingKey, EventAction.Trigger, $"passback:{failure.AssignmentId}:{legacyKey}",
                new AlertPayload($"Passback conflict on {failure.AssignmentId}", "vle-passback", AlertSeverity.Error, "grade-passback", courseCode)
                {
                    CustomDetails = { ["student"] = failure.StudentNumber, ["email"] = failure.StudentEmail },
                });
            try
            {
                await events.EnqueueAsync(alert, cancellationToken);
                logger.LogInformation("Paged conflict {DedupKey} for {Assignment}", alert.DedupKey, failure.AssignmentId); // leak TC1002 hashes
            }
            catch (EventsApiException ex)
            {
                logger.LogError(ex, "Paging refused with {Status}", ex.StatusCode); // clean exceptions
                logger.LogCampuspagePageFailedEvent("grade-passback", "rejected", campuspageNote: $"{failure.StudentEmail}: {ex.Errors.FirstOrDefault()}"); // leak TC1001 generated-api
            }
        }

        meter.CreateCampuspagePagesSentCounter().Add(1, "grade-passback", failures.Count > 20 ? "error" : "warning"); // clean precision-about
    }
}
