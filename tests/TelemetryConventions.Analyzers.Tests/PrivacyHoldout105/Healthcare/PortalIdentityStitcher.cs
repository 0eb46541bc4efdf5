using Segment;
using Segment.Model;

namespace PrivacyHoldout105.Healthcare;

/// <summary>What the portal's sign-in hands the stitcher.</summary>
public sealed record PortalLogin(string HospitalNumber, string AnonymousId, string Email, string Method);

/// <summary>
/// When a patient signs in to the portal, their anonymous browsing is stitched to their record: an alias to the
/// analytics warehouse, then the identity graph. Both are stores, not telemetry.
/// </summary>
public sealed partial class PortalIdentityStitcher(
    IAnalyticsClient analytics,
    IIdentityGraph graph,
    ActivitySource source,
    Pseudonymizer pseudonymizer,
    ILogger<PortalIdentityStitcher> logger)
{
    [LoggerMessage(EventId = 4101, Level = LogLevel.Information, Message = "Portal login stitched for {HospitalNumber} via {Trigger}")]
    private static partial void LogLoginStitched(ILogger logger, [PrivateData] string hospitalNumber, string trigger);

    [LoggerMessage(EventId = 4102, Level = LogLevel.Debug, Message = "Alias queued from {AnonymousId} to {HospitalNumber}")]
    private static partial void LogAliasQueued(ILogger logger, string anonymousId, string hospitalNumber);

    public async Task OnSignedInAsync(PortalLogin login, CancellationToken ct)
    {
        var activity = Activity.Current;
        activity?.SetTag("enduser.id", login.HospitalNumber); // leak TC1001 direct
        activity?.SetTag("portal.login.method", login.Method); // clean precision-about
        activity?.SetTag("portal.login.email_domain", login.Email[(login.Email.IndexOf('@') + 1)..]); // clean precision-about
        activity?.SetTag(PtclickAttributes.PatientContact, login.Email); // leak TC1001 generated-api
        activity?.SetBaggage("portal.patient", pseudonymizer.ComputePtclickPatientId(login.HospitalNumber)); // clean precision-pseudonym
        activity?.SetBaggage("portal.anonymous_id", login.AnonymousId); // leak TC1001 direct

        analytics.Alias(login.AnonymousId, login.HospitalNumber, new Options().SetAnonymousId(login.AnonymousId));
        LogAliasQueued(logger, login.AnonymousId, login.HospitalNumber); // leak TC1001 direct

        var request = new StitchRequest(login.AnonymousId, login.HospitalNumber, "login", DateTimeOffset.UtcNow);
        using var span = source.StartPtclickSync("identity-graph").SetPtclickPatientId(pseudonymizer.PseudonymizePtclickPatientId(login.HospitalNumber)); // clean precision-pseudonym
        span.SetPtclickNote($"login via {login.Method}"); // clean generated-api
        try
        {
            var outcome = await graph.StitchAsync(request, ct);
            span.SetPtclickOutcome(outcome.CreatedProfile ? "created" : "stitched"); // clean generated-api
            span.SetPtclickEventCount(outcome.ReattributedEvents); // clean precision-about
            logger.LogInformation("Stitch request {Request}", request); // leak TC1001 logging-objects
            logger.LogInformation("Stitch outcome {Outcome}", outcome); // leak TC1001 logging-objects
            logger.LogInformation("Merged {Count} anonymous ids on {Trigger}", outcome.MergedAnonymousIds, request.Trigger); // clean precision-about
            LogLoginStitched(logger, login.HospitalNumber, request.Trigger); // clean logging-objects
        }
        catch (IdentityConflictException ex)
        {
            logger.LogWarning(ex, "Stitch refused by rule {Rule}", ex.Rule); // leak TC1001 exceptions
            activity?.SetStatus(ActivityStatusCode.Error, ex.Rule); // clean exceptions
            activity?.AddEvent(new ActivityEvent("stitch.conflict", tags: new ActivityTagsCollection { ["rule"] = ex.Rule, ["existing"] = ex.ExistingUserId })); // leak TC1001 exceptions
        }
        catch (GraphUnavailableException ex)
        {
            activity?.AddException(ex); // clean exceptions
            span.SetPtclickOutcome("deferred");
        }
    }
}
