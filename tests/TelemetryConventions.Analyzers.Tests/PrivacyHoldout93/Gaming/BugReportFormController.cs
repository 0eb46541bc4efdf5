namespace PrivacyHoldout93.Gaming;

/// <summary>
/// The in-game bug report form: what happened (free text), the build, platform and map, an optional email for a
/// follow-up, and attachments (screenshots, the client's log file). The client fills in the player's id and gamertag
/// as hidden fields.
/// </summary>
[ApiController]
[Route("feedback/bugs")]
public sealed class BugReportFormController(
    ISubmissionStore submissions,
    IUploadStore uploads,
    Pseudonymizer pseudonymizer,
    FormTelemetry telemetry,
    ILogger<BugReportFormController> logger) : ControllerBase
{
    private const string FormId = "frm-bug-report";

    private readonly PlayerfbSubmissionsCounter _submitted = telemetry.Meter.CreatePlayerfbSubmissionsCounter();
    private readonly Counter<long> _byBuild = telemetry.Meter.CreateCounter<long>("bugreports.by_build");

    public sealed record BugReportContext(string Title, string Build, string Platform, string Map, Guid CrashId);

    [HttpPost("")]
    public async Task<ActionResult> Submit([FromBody] FormSubmission report, BugReportContext context, CancellationToken cancellationToken)
    {
        Guid playerId;
        try
        {
            playerId = Guid.Parse(report.Hidden["player_id"]);
        }
        catch (FormatException malformed)
        {
            logger.LogWarning(malformed, "Bug report {SubmissionId} has a malformed player id", report.SubmissionId); // clean exceptions
            return BadRequest("player_id");
        }
        var gamertag = report.Hidden.GetValueOrDefault("gamertag");
        using var span = telemetry.Source.StartPlayerfbSubmit(FormId)
            .SetPlayerfbTitle(context.Title)
            .SetPlayerfbSubmissionId(report.SubmissionId) // clean precision-names
            .SetPlayerfbRespondentId(pseudonymizer.PseudonymizePlayerfbRespondentId(playerId.ToString())); // clean precision-pseudonym
        span.Activity?.SetTag("bug.context", context); // clean logging-objects
        span.Activity?.SetTag("bug.crash_id", context.CrashId); // clean precision-names
        span.Activity?.SetTag("bug.reporter", gamertag); // leak TC1001 direct
        logger.LogInformation("Bug report from {PlayerId} on {Build}/{Platform}", playerId, context.Build, context.Platform); // leak TC1001 direct

        var description = report.Answer("q1_what_happened") ?? string.Empty;
        span.Activity?.SetTag("bug.description.length", description.Length); // clean precision-about
        span.SetPlayerfbNote(description.Length > 256 ? description[..256] : description); // leak TC1001 generated-api
        var followUpEmail = report.Answer("q4_email");
        span.Activity?.SetTag("bug.follow_up_requested", followUpEmail is not null); // clean precision-about
        logger.LogDebug("Follow-up to {Email}", followUpEmail); // leak TC1001 direct

        foreach (var attachment in report.Files)
        {
            if (attachment.ContentType == "text/plain" && attachment.Length > 5_000_000)
            {
                logger.LogWarning("Client log {Attachment} is over 5 MB", attachment); // leak TC1001 logging-objects
                continue;
            }
            var key = await uploads.PutAsync($"bugs/{context.CrashId:N}/{Guid.NewGuid():N}{attachment.Extension}", System.IO.Stream.Null, attachment.ContentType, cancellationToken);
            logger.LogDebug("Attachment stored at {Key} ({ContentType}, {Bytes} bytes)", key, attachment.ContentType, attachment.Length); // clean precision-names
        }

        await submissions.SaveAsync(report, cancellationToken);
        _submitted.Add(1, FormId, report.Channel, "submitted"); // clean generated-api
        _byBuild.Add(1, new KeyValuePair<string, object?>("build", context.Build), new KeyValuePair<string, object?>("platform", context.Platform), new KeyValuePair<string, object?>("map", context.Map)); // clean precision-names
        _byBuild.Add(1, new KeyValuePair<string, object?>("build", context.Build), new KeyValuePair<string, object?>("reporter", pseudonymizer.ComputePlayerfbRespondentId(playerId.ToString()))); // leak TC1003 precision-pseudonym
        span.Activity?.SetTag("bug.dedupe_key", Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes($"{context.Build}:{context.Map}:{context.CrashId}")))[..16]); // clean hashes
        span.Activity?.SetTag("bug.player.hash", Convert.ToHexString(SHA1.HashData(playerId.ToByteArray()))); // leak TC1002 hashes
        return Ok(report.SubmissionId);
    }
}
