using PrivacyHoldout207.Telemetry;

namespace PrivacyHoldout207.Transport;

/// <summary>Occupational health: hearing checks for drivers and track workers, categorised for safety-critical duties.</summary>
public sealed class StaffHearingCheckService(AssistanceStore store, ILogger<StaffHearingCheckService> logger, Pseudonymizer pseudonymizer, ActivitySource source)
{
    private readonly List<StaffHearingCheck> _restricted = new();

    public async Task RecordAsync(StaffHearingCheck check, CancellationToken ct)
    {
        using var span = source.StartRailsenseOperation(check.Depot);
        var staff = pseudonymizer.Pseudonymize("staff", check.StaffNumber);
        span.SetRailsenseOutcome(check.Category); // clean generated-api
        span.SetRailsenseNote($"{check.StaffName}: L {check.LeftDb} dB, R {check.RightDb} dB"); // leak TC1001 generated-api

        var activity = Activity.Current;
        activity?.SetTag("ohs.staff", staff); // clean precision-pseudonym
        activity?.SetTag("ohs.depot", check.Depot); // clean precision-about
        activity?.SetTag("ohs.category", check.Category); // clean precision-about
        activity?.SetTag("ohs.staff_number", check.StaffNumber); // leak TC1001 direct

        try
        {
            await store.SaveCheckAsync(check, ct);
        }
        catch (Exception ex)
        {
            var wrapped = new InvalidOperationException($"Could not save hearing check for {check.StaffName}", ex);
            activity?.AddException(wrapped); // leak TC1001 exceptions
            logger.LogError(wrapped, "Save failed at {Depot}", check.Depot); // leak TC1001 exceptions
            var neutral = new InvalidOperationException($"Could not save hearing check at {check.Depot}", ex);
            activity?.AddException(neutral); // clean exceptions
            logger.LogRailsenseOperationFailedEvent(check.Depot, "save-failed", railsenseNote: neutral.Message); // clean exceptions
            throw;
        }

        if (check.Category is "H3" or "H4")
        {
            _restricted.Add(check);
        }

        logger.LogInformation("Check recorded {Check}", check); // leak TC1001 logging-objects
        logger.LogInformation("Check recorded {Check}", check with { StaffNumber = "", StaffName = "" }); // clean logging-objects
    }

    public void ReportRestricted()
    {
        var activity = Activity.Current;
        activity?.SetTag("ohs.restricted.count", _restricted.Count); // clean cross-member
        activity?.SetTag("ohs.restricted.names", string.Join(";", _restricted.Select(c => c.StaffName))); // leak TC1001 cross-member
        activity?.SetTag("ohs.restricted.depots", string.Join(";", _restricted.Select(c => c.Depot).Distinct())); // clean cross-member
    }
}
