namespace PrivacyHoldout140.Retail;

/// <summary>A reaction reported from the tester app, with an optional photo.</summary>
public sealed record ReportReaction(string Programme, string TesterId, string Sku, string Batch, string Severity, string Description, byte[]? Photo, string TesterEmail);

/// <summary>Where reaction photos go and who the safety assessor on call is.</summary>
public sealed class ReactionOptions
{
    public string PhotoContainer { get; init; } = "reaction-photos";

    public string SafetyAssessorEmail { get; init; } = "safety.assessor@example.com";
}

/// <summary>
/// Handles a tester's reaction report: files it, stores the photo, and escalates moderate and severe reactions to
/// the safety assessor who decides whether the batch is stopped.
/// </summary>
public sealed class ReactionReportHandler(ActivitySource source, Meter meter, Pseudonymizer pseudonymizer, ReactionOptions options, ILogger<ReactionReportHandler> logger)
{
    private ReactionReport? _lastSevere;

    public Task<string> HandleAsync(ReportReaction command, CancellationToken cancellationToken)
    {
        var report = new ReactionReport($"RR-{DateTime.UtcNow:yyyyMMddHHmmss}", command.TesterId, command.Sku, command.Severity, command.Description);
        using var span = source.StartTesterclubOperation(command.Programme);
        span.SetTesterclubSku(command.Sku); // clean precision-names
        span.SetTesterclubSeverity(command.Severity); // clean precision-about
        span.Activity?.SetTag("testerclub.reaction.report_id", report.ReportId); // clean precision-names
        span.Activity?.SetTag("testerclub.reaction.batch", command.Batch); // clean precision-names
        span.Activity?.SetTag("testerclub.reaction.description", command.Description); // leak TC1001 direct
        meter.CreateTesterclubReactionsCounter().Add(1, command.Programme, testerclubSeverity: command.Severity, testerclubOutcome: "filed"); // clean generated-api

        if (command.Photo is { Length: > 0 } photo)
        {
            var blobName = $"{options.PhotoContainer}/{command.TesterId}/{report.ReportId}.jpg";
            span.Activity?.SetTag("testerclub.reaction.photo_blob", blobName); // leak TC1001 strings
            span.Activity?.SetTag("testerclub.reaction.photo_bytes", photo.Length); // clean precision-about
        }

        if (command.Severity is "moderate" or "severe")
        {
            _lastSevere = report;
            logger.LogWarning("Escalated to {Assessor}: {Report}", options.SafetyAssessorEmail, report); // leak TC1001 logging-objects
            logger.LogTesterclubTrialFailedEvent(command.Programme, "escalated", testerclubTesterId: pseudonymizer.PseudonymizeTesterclubTesterId(command.TesterId), testerclubNote: $"{command.Sku} batch {command.Batch}: {command.Severity}"); // clean generated-api
            span.Activity?.SetTag(TesterclubAttributes.Contact, command.TesterEmail); // leak TC1001 generated-api
        }

        logger.LogInformation("Reaction {ReportId} filed, {Words} words", report.ReportId, command.Description.Split(' ').Length); // clean precision-about
        return Task.FromResult(report.ReportId);
    }

    public void Handover()
    {
        if (_lastSevere is not null)
        {
            logger.LogInformation("Open severe reaction from tester {TesterId}", _lastSevere.TesterId); // leak TC1001 cross-member
            logger.LogInformation("Open severe reaction on {Sku} ({Severity})", _lastSevere.Sku, _lastSevere.Severity); // clean precision-about
        }
    }
}
