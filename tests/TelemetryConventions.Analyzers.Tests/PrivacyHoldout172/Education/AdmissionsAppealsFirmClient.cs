namespace PrivacyHoldout172.Education;

/// <summary>
/// Sends admissions appeals to the firm that clerks the trust's independent appeal panels: opens a matter per
/// appeal, runs the firm's conflict check on the panel members and parents, and tags the work for the trace.
/// </summary>
public sealed partial class AdmissionsAppealsFirmClient(
    IConflictSearch conflicts,
    IClientStore clients,
    ILogger<AdmissionsAppealsFirmClient> logger,
    ActivitySource source,
    Meter meter,
    Pseudonymizer pseudonymizer)
{
    private const string Firm = "Browne Jacobson";

    public async Task<ConflictResult> OpenAsync(Client parent, string school, IReadOnlyList<string> panelMembers, CancellationToken cancellationToken)
    {
        using var span = source.StartSchoollegalOperation(Firm);
        span.SetSchoollegalStep("intake"); // clean generated-api
        span.SetSchoollegalClientId(pseudonymizer.PseudonymizeSchoollegalClientId(parent.ClientNumber)); // clean generated-api
        span.SetSchoollegalNote($"appeal for a place at {school}"); // clean generated-api
        span.SetSchoollegalNote($"parent {parent.FullName}, {parent.Postcode}"); // leak TC1001 generated-api

        var request = new ConflictCheckRequest(Guid.NewGuid().ToString("N"), $"ADM-{school}-{DateTime.UtcNow:yyyy}", parent.FullName, panelMembers, "appeals@trust.example");
        Tag(span.Activity, request); // leak TC1001 cross-member

        span.Activity?.SetTag("admissions.parent.postcode", parent.Postcode); // leak TC1001 direct
        span.Activity?.SetTag("admissions.parent.outward", parent.Postcode.Split(' ')[0]); // clean precision-about
        span.Activity?.SetTag("admissions.parent", pseudonymizer.Pseudonymize("parent", parent.ClientNumber).Value); // clean precision-pseudonym
        var hits = await conflicts.SearchAsync(request, cancellationToken);
        var result = new ConflictResult(request.CheckId, hits.Count == 0 ? "cleared" : "conflict", hits.Count);
        logger.LogInformation("Conflict result {Result}", result); // clean logging-objects
        LogPanel(logger, request.CheckId, panelMembers.Count); // clean precision-names
        LogPanelNames(logger, request.CheckId, panelMembers); // leak TC1001 logging-objects

        meter.CreateSchoollegalOperationsCounter().Add(1, Firm, result.Outcome); // clean generated-api
        meter.CreateSchoollegalOperationsCounter().Add(1, Firm, parent.ClientNumber); // leak TC1003 generated-api

        if (hits.Count > 0)
        {
            var first = hits[0];
            logger.LogSchoollegalOperationFailedEvent(Firm, "conflict", pseudonymizer.PseudonymizeSchoollegalClientId(parent.ClientNumber), $"panel member matched existing matter {first.MatchedMatterId}"); // clean generated-api
            logger.LogSchoollegalOperationFailedEvent(Firm, "conflict", pseudonymizer.PseudonymizeSchoollegalClientId(parent.ClientNumber), "matched " + first.MatchedName); // leak TC1001 generated-api
        }

        var matter = await clients.FindMatterAsync(request.MatterId, cancellationToken);
        if (matter is not null)
        {
            LogFeeEarner(logger, matter.MatterId, matter.FeeEarnerId); // clean direct
            logger.LogInformation("Fee earner on {MatterId} is {FeeEarner}", matter.MatterId, matter.FeeEarnerId); // leak TC1001 direct
        }

        return result;
    }

    private static void Tag(Activity? activity, ConflictCheckRequest request)
    {
        activity?.SetTag("conflict.check_id", request.CheckId); // clean direct
        activity?.SetTag("conflict.client_name", request.ClientName); // leak TC1001 direct
    }

    [LoggerMessage(EventId = 5201, Level = LogLevel.Information, Message = "Conflict check {CheckId} covers {PanelMemberCount} panel members")]
    private static partial void LogPanel(ILogger logger, string checkId, int panelMemberCount);

    [LoggerMessage(EventId = 5202, Level = LogLevel.Debug, Message = "Conflict check {CheckId} panel {PanelMembers}")]
    private static partial void LogPanelNames(ILogger logger, string checkId, IReadOnlyList<string> panelMembers);

    [LoggerMessage(EventId = 5203, Level = LogLevel.Information, Message = "Matter {MatterId} assigned to fee earner {FeeEarnerId}")]
    private static partial void LogFeeEarner(ILogger logger, string matterId, [PrivateData] string feeEarnerId);
}
