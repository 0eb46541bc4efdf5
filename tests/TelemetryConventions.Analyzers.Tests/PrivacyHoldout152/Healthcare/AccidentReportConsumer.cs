namespace PrivacyHoldout152.Healthcare;

/// <summary>Reads accident reports from the rooms' tablets, tells parents about head injuries and notifies Ofsted of serious ones.</summary>
public sealed class AccidentReportConsumer(
    IConsumer<string, AccidentReport> consumer,
    IAccidentBook book,
    IChildRegister children,
    IParentMessenger messenger,
    Pseudonymizer pseudonymizer,
    TelemetrySecrets secrets,
    NurseryOptions options,
    ILogger<AccidentReportConsumer> logger) : BackgroundService
{
    private static readonly ActivitySource Source = new("Nursery.Accidents");
    private static readonly Meter Meter = new("Nursery.Accidents");
    private static readonly Histogram<double> AckSeconds = Meter.CreateHistogram<double>("nursery.accident.parent_ack", "s");

    private readonly Dictionary<string, int> headInjuriesByChild = new();
    private AccidentReport? lastSerious;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var result = consumer.Consume(stoppingToken);
            if (result is null)
            {
                continue;
            }

            var report = result.Message.Value;
            using var span = Source.StartNurserycareOperation("EY501234");
            span.SetNurserycareRoom(report.Room);
            Activity.Current?.SetTag("messaging.kafka.message.key", result.Message.Key); // clean precision-about
            Activity.Current?.SetTag("accident.injury_code", report.InjuryCode);
            Activity.Current?.SetTag("accident.description", report.Description); // leak TC1001 direct
            Activity.Current?.SetTag("accident.description_length", report.Description.Length); // clean precision-about
            span.SetNurserycareNote($"{report.InjuryCode} in {report.Room}, head: {report.HeadInjury}"); // clean generated-api
            span.SetNurserycareNote($"Reported by {report.FirstAiderId}: {report.Description}"); // leak TC1001 generated-api

            using (logger.BeginScope(new Dictionary<string, object> { ["ReportId"] = report.ReportId, ["Room"] = report.Room })) // clean logging-objects
            {
                await book.SaveAsync(report, stoppingToken);
                logger.LogInformation("Accident saved {Report}", report); // leak TC1001 logging-objects
                logger.LogInformation("Accident saved {Summary}", Summarise(report)); // clean logging-objects
            }

            if (report.HeadInjury)
            {
                headInjuriesByChild[report.ChildId] = headInjuriesByChild.GetValueOrDefault(report.ChildId) + 1;
                var child = await children.FindAsync(report.ChildId, stoppingToken);
                if (child is null)
                {
                    var missing = new ChildNotFoundException(report.ChildId);
                    span.RecordException(missing, includeMessage: true); // leak TC1001 exceptions
                    continue;
                }

                var started = DateTimeOffset.UtcNow;
                foreach (var parent in await children.ContactsAsync(child.ChildId, stoppingToken))
                {
                    await messenger.TextAsync(parent.Mobile, options.AccidentTemplateId, stoppingToken);
                }

                AckSeconds.Record((DateTimeOffset.UtcNow - started).TotalSeconds, new KeyValuePair<string, object?>("room", child.Room)); // clean precision-about
                Activity.Current?.AddEvent(new ActivityEvent("parents.texted", tags: new ActivityTagsCollection { ["child.name"] = child.FirstName })); // leak TC1001 direct
                Activity.Current?.AddEvent(new ActivityEvent("parents.texted", tags: new ActivityTagsCollection { ["child.shard"] = Shard(child.ChildId) })); // clean hashes
                Activity.Current?.SetTag("child.hash", Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(child.ChildId)))[..12]); // leak TC1002 hashes
            }

            if (report.InjuryCode is "fracture" or "hospital")
            {
                lastSerious = report;
                await book.NotifyOfstedAsync(report, stoppingToken);
            }

            consumer.Commit(result);
        }
    }

    public void LogDailyDigest()
    {
        logger.LogInformation("{Children} children had head injuries today", headInjuriesByChild.Count); // clean cross-member
        logger.LogInformation("Head injuries today by child: {Counts}", headInjuriesByChild); // leak TC1001 cross-member
        logger.LogInformation("Last notifiable accident was {ReportId} in {Room}", lastSerious?.ReportId, lastSerious?.Room); // clean cross-member
    }

    private static AccidentSummary Summarise(AccidentReport report) =>
        new(report.ReportId, report.Room, report.InjuryCode, report.HeadInjury, ParentSigned: false);

    private int Shard(string childId) =>
        HMACSHA256.HashData(secrets.ShardKey, Encoding.UTF8.GetBytes(childId))[0] % 16;
}
