using PrivacyHoldout73.Telemetry;

namespace PrivacyHoldout73.Media;

public sealed record ClearanceStep(int Order, string Role, string ApproverEmail, string? DelegateEmail);

public sealed record TitleClearance(Guid ClearanceId, string TitleId, string Territory, string Window, IReadOnlyList<ClearanceStep> Chain);

public sealed class ClearanceRejectedException(string titleId, string territory, string role)
    : Exception($"Clearance of {titleId} in {territory} rejected at {role}.")
{
    public string Role { get; } = role;
}

public sealed class ApproverUnavailableException(string approverEmail, int order)
    : Exception($"Approver {approverEmail} (step {order}) is out of office and has no delegate.");

/// <summary>Rights clearance of a title for a territory: a chain of approvers from legal, rights and programming.</summary>
public sealed class TitleClearanceChain(ILogger<TitleClearanceChain> logger, IHistoryWriter history, Pseudonymizer pseudonymizer)
{
    private static readonly ActivitySource Source = new("Streaming.Clearance");
    private static readonly Meter Meter = new("Streaming.Clearance");
    private static readonly Histogram<double> StepHours = Meter.CreateHistogram<double>("clearance.step.duration", "h");

    public async Task RunAsync(TitleClearance clearance, Func<ClearanceStep, string, Task<bool>> ask, ISet<string> outOfOffice, CancellationToken ct)
    {
        using var span = Source.StartRetentionTransition(clearance.ClearanceId.ToString()); // clean generated-api
        span.SetRetentionStep($"{clearance.TitleId}@{clearance.Territory}"); // clean precision-names
        span.Activity?.SetTag("clearance.window", clearance.Window); // clean precision-about
        try
        {
            foreach (var step in clearance.Chain.OrderBy(s => s.Order))
            {
                var started = DateTimeOffset.UtcNow;
                var approver = outOfOffice.Contains(step.ApproverEmail)
                    ? step.DelegateEmail ?? throw new ApproverUnavailableException(step.ApproverEmail, step.Order)
                    : step.ApproverEmail;
                span.Activity?.AddEvent(new ActivityEvent("clearance.step", tags: new ActivityTagsCollection { ["role"] = step.Role, ["delegated"] = approver != step.ApproverEmail })); // clean precision-about
                span.Activity?.AddEvent(new ActivityEvent("clearance.asked", tags: new ActivityTagsCollection { ["approver"] = approver })); // leak TC1001 direct
                var ok = await ask(step, approver);
                StepHours.Record((DateTimeOffset.UtcNow - started).TotalHours, new KeyValuePair<string, object?>("role", step.Role)); // clean precision-about
                await history.AppendAsync(new HistoryEntry(clearance.ClearanceId, $"step-{step.Order}", ok ? $"step-{step.Order + 1}" : "rejected", ok ? "Approve" : "Reject", approver, null, DateTimeOffset.UtcNow), ct);
                if (!ok)
                {
                    throw new ClearanceRejectedException(clearance.TitleId, clearance.Territory, step.Role);
                }
                logger.LogInformation("Clearance step {Step} done", step); // leak TC1001 logging-objects
                logger.LogInformation("Clearance step {Order} ({Role}) done", step.Order, step.Role); // clean precision-about
            }
            span.SetRetentionOutcome("cleared");
        }
        catch (ClearanceRejectedException ex)
        {
            span.SetRetentionOutcome($"rejected:{ex.Role}"); // clean precision-about
            span.SetRetentionNote(ex.Message); // clean exceptions
            logger.LogWarning(ex, "Clearance rejected"); // clean exceptions
        }
        catch (ApproverUnavailableException ex)
        {
            span.RecordException(ex, includeMessage: true); // leak TC1001 exceptions
            span.SetRetentionNote(ex.GetType().Name); // clean exceptions
            logger.LogWarning("Clearance stuck on {Kind} for {TitleId}", ex.GetType().Name, clearance.TitleId); // clean precision-names
        }
    }

    public void TagCommissioner(Activity? activity, string commissionerEmail)
    {
        activity?.SetTag("clearance.commissioner", pseudonymizer.Pseudonymize("staff", commissionerEmail)); // clean precision-pseudonym
        activity?.SetTag("clearance.commissioner.domain", commissionerEmail.Split('@')[1]); // clean precision-about
        activity?.SetTag("clearance.commissioner.hash", Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(commissionerEmail)))[..16]); // leak TC1002 hashes
    }
}
