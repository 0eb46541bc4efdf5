using System.Security.Cryptography;
using System.Text;
using PrivacyCorpus.Shared;

namespace PrivacyHoldout70.Transport;

public enum LeaveReason
{
    Leaver,
    Suspension,
    Transfer,
}

/// <summary>A leaver notice from HR: the driver's staff number, their directory account and the depot.</summary>
public sealed record LeaverNotice(string StaffNumber, string Upn, string DisplayName, string Depot, LeaveReason Reason, DateOnly LastDay, string? HrComment);

/// <summary>One system a driver has access to (duty board, ticket machines, depot doors).</summary>
public interface IAccessSystem
{
    string Name { get; }

    Task<bool> RemoveAsync(LeaverNotice notice, CancellationToken cancellationToken);
}

/// <summary>The ticket machine back office's error: its message names the driver's machine login (the staff number).</summary>
public sealed class MachineLoginException(string staffNumber, string status)
    : Exception($"Machine login {staffNumber} could not be disabled: {status}")
{
    public string Status { get; } = status;
}

/// <summary>Removes a leaving driver's access from every system, one span per system.</summary>
public sealed class DriverDeprovisioning(
    IEnumerable<IAccessSystem> systems,
    Pseudonymizer pseudonymizer,
    ActivitySource source,
    Meter meter,
    ILogger<DriverDeprovisioning> logger)
{
    private readonly OffboardingDeprovisionsCounter _deprovisions = meter.CreateOffboardingDeprovisionsCounter();
    private readonly List<string> _pending = [];

    public async Task RunAsync(LeaverNotice notice, CancellationToken cancellationToken)
    {
        using var parent = source.StartActivity("offboarding.driver");
        parent?.SetTag("offboarding.depot", notice.Depot); // clean direct
        logger.LogInformation("Offboarding notice {Notice}", notice with { HrComment = null }); // leak TC1001 logging-objects
        parent?.SetTag("offboarding.last_day", notice.LastDay.ToString("yyyy-MM-dd")); // clean precision-about
        parent?.SetTag("offboarding.hr_comment", notice.HrComment); // leak TC1001 direct
        parent?.SetTag("offboarding.hr_comment.length", notice.HrComment?.Length ?? 0); // clean precision-about
        if (parent is not null) { parent.DisplayName = $"offboard {notice.Depot} {notice.Reason}"; } // clean precision-about
        using var scope = logger.BeginScope("Offboarding {Driver}", pseudonymizer.PseudonymizeOffboardingDriverId(notice.StaffNumber)); // clean precision-pseudonym

        foreach (var system in systems)
        {
            using var span = source.StartOffboardingDeprovision(system.Name); // clean generated-api
            span.SetOffboardingDepot(notice.Depot).SetOffboardingReason(ReasonOf(notice.Reason)); // clean generated-api
            span.SetOffboardingDriverId(pseudonymizer.PseudonymizeOffboardingDriverId(notice.StaffNumber)); // clean precision-pseudonym

            try
            {
                var removed = await system.RemoveAsync(notice, cancellationToken);
                span.SetOffboardingOutcome(removed ? "removed" : "not_present"); // clean generated-api
                _deprovisions.Add(1, system.Name, ReasonOf(notice.Reason), removed ? "removed" : "not_present"); // clean generated-api
            }
            catch (MachineLoginException ex)
            {
                _pending.Add(notice.StaffNumber);
                span.SetStatus(ActivityStatusCode.Error, ex.Status); // clean exceptions
                span.SetOffboardingNote(ex.Message); // leak TC1001 exceptions
                logger.LogError(ex, "Could not remove {System} access", system.Name); // leak TC1001 exceptions
                _deprovisions.Add(1, system.Name, ReasonOf(notice.Reason), $"failed:{notice.Upn}"); // leak TC1003 generated-api
            }
            catch (TimeoutException ex)
            {
                span.RecordException(ex, includeMessage: true); // clean exceptions
                _pending.Add(notice.StaffNumber);
            }
        }

        if (_pending.Count > 0)
        {
            parent?.SetTag("offboarding.pending", _pending.Count); // clean precision-about
            logger.LogWarning("Pending removals for {Drivers}", _pending); // leak TC1001 cross-member
        }

        parent?.SetTag(OffboardingAttributes.ActorUpn, "hr-feed"); // clean precision-names
        parent?.SetTag("offboarding.driver.display", notice.DisplayName); // leak TC1001 direct
        parent?.SetTag("offboarding.driver.bucket", (notice.StaffNumber.GetHashCode() & 0x7fffffff) % 32); // leak TC1002 hashes
    }

    private static OffboardingReasonValue ReasonOf(LeaveReason reason) => reason switch
    {
        LeaveReason.Suspension => OffboardingReason.Suspension,
        LeaveReason.Transfer => OffboardingReason.Transfer,
        _ => OffboardingReason.Leaver,
    };
}
