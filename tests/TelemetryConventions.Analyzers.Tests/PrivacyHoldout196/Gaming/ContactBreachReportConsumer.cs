namespace PrivacyHoldout196.Gaming;

/// <summary>A moderator's report that someone the placement plan names tried to reach a child in foster care in game.</summary>
public sealed record ContactBreachReport(string ReportId, string ChildAccountId, string SenderGamertag, string SenderAccountId, string MessageText, string TitleId, string ModeratorStaffId, int Attempts);

public sealed class ContactBreachReportConsumer(
    IConsumer<string, ContactBreachReport> consumer,
    ActivitySource source,
    Meter meter,
    Pseudonymizer pseudonymizer,
    ILogger<ContactBreachReportConsumer> logger) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var breaches = meter.CreateCounter<long>("family.contact_breaches");
        while (!stoppingToken.IsCancellationRequested)
        {
            var result = consumer.Consume(stoppingToken);
            if (result is null)
            {
                continue;
            }

            var report = result.Message.Value;
            using var activity = source.StartActivity("family.breach.process");
            activity?.SetTag("messaging.key", result.Message.Key); // leak TC1001 direct
            activity?.SetTag("family.breach.report", report.ReportId); // clean precision-names
            activity?.SetTag("family.breach.title", report.TitleId); // clean precision-names
            activity?.SetTag("family.breach.attempts", report.Attempts); // clean precision-about
            activity?.SetTag("family.breach.sender", report.SenderGamertag); // leak TC1001 direct
            activity?.SetTag("family.breach.moderator", report.ModeratorStaffId); // leak TC1001 direct
            activity?.SetTag("family.breach.message", report.MessageText); // leak TC1001 direct
            activity?.SetTag("family.breach.message.length", report.MessageText.Length); // clean precision-about

            breaches.Add(1, new KeyValuePair<string, object?>("title", report.TitleId)); // clean precision-names
            breaches.Add(1, new KeyValuePair<string, object?>("sender", report.SenderAccountId)); // leak TC1003 direct

            logger.LogWarning("Breach {@Report}", report); // leak TC1001 logging-objects
            logger.LogWarning("Breach against child {Child}", pseudonymizer.ComputeSafeplayChildId(report.ChildAccountId)); // clean precision-pseudonym
            logger.LogWarning("Breach from {Sender}: {Text}", report.SenderGamertag, report.MessageText); // leak TC1001 direct
            logger.LogSafeplayOperationFailedEvent("safeguarding", "breach", safeplayChildId: pseudonymizer.PseudonymizeSafeplayChildId(report.ChildAccountId), safeplayNote: $"{report.Attempts} attempts in {report.TitleId}"); // clean generated-api
            logger.LogSafeplayOperationFailedEvent("safeguarding", "breach", safeplayNote: $"sender {report.SenderGamertag}"); // leak TC1001 generated-api

            var fingerprint = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(report.SenderAccountId)));
            logger.LogInformation("Sender fingerprint {Fingerprint}", fingerprint); // leak TC1002 hashes
            consumer.Commit(result);
        }

        return Task.CompletedTask;
    }
}
