namespace PrivacyHoldout136.Energy;

public sealed record SiteVisit(string VisitRef, string SubstationId, string EngineerStaffNumber, string EngineerName, string EngineerMobile, string? ContractorCompany, string KeySafeCode, DateTimeOffset Expected, bool LoneWorking);

public sealed record KeySafeCodeIssued(string SubstationId, string Code, DateTimeOffset ValidUntil);

/// <summary>Issues key safe codes and unlocks substation gates for engineers and contractors, and chases lone workers who have not signed off.</summary>
public sealed class SubstationSiteAccessService(
    IAccessControlClient accessControl,
    ILogger<SubstationSiteAccessService> logger,
    ActivitySource activitySource,
    Meter meter,
    Pseudonymizer pseudonymizer)
{
    private readonly ConcurrentDictionary<string, SiteVisit> _openLoneWorkers = new();
    private readonly UpDownCounter<int> _onSite = meter.CreateUpDownCounter<int>("substation.engineers_on_site");

    public async Task<KeySafeCodeIssued> OpenVisitAsync(SiteVisit visit, CancellationToken cancellationToken)
    {
        using var span = activitySource.StartChargenetAccess(visit.SubstationId);
        span.SetChargenetZone("perimeter-gate"); // clean precision-names
        span.SetChargenetStaffId(pseudonymizer.PseudonymizeChargenetStaffId(visit.EngineerStaffNumber)); // clean precision-pseudonym
        span.Activity?.SetTag("substation.engineer", string.Concat(visit.EngineerName, " (", visit.ContractorCompany ?? "in-house", ")")); // leak TC1001 strings
        span.Activity?.SetTag("substation.visit_ref", visit.VisitRef); // clean precision-names
        span.Activity?.SetTag("substation.contractor", visit.ContractorCompany ?? "in-house"); // clean precision-names
        span.Activity?.SetTag("substation.lone_working", visit.LoneWorking); // clean precision-about

        await accessControl.GrantAsync(visit.EngineerStaffNumber, $"substation-{visit.SubstationId}", visit.Expected.AddHours(8), cancellationToken);
        var issued = new KeySafeCodeIssued(visit.SubstationId, visit.KeySafeCode, visit.Expected.AddHours(8));
        logger.LogInformation("Key safe code issued {Issued}", issued); // clean logging-objects
        logger.LogInformation("Key safe code for {SubstationId} valid until {ValidUntil}", issued.SubstationId, issued.ValidUntil); // clean precision-names

        if (visit.LoneWorking)
        {
            _openLoneWorkers[visit.VisitRef] = visit;
            span.SetChargenetStaffId(Pseudonym.FromComputed(visit.EngineerStaffNumber)); // leak TC1001 precision-pseudonym
            logger.LogInformation("Lone worker {EngineerName} ({EngineerMobile}) at {SubstationId}", visit.EngineerName, visit.EngineerMobile, visit.SubstationId); // leak TC1001 direct
        }

        _onSite.Add(1, new KeyValuePair<string, object?>("substation", visit.SubstationId)); // clean precision-names
        _onSite.Add(0, new KeyValuePair<string, object?>("engineer", pseudonymizer.PseudonymizeChargenetStaffId(visit.EngineerStaffNumber).Value)); // leak TC1003 precision-pseudonym
        return issued;
    }

    public async Task GateReadAsync(AccessEvent read, CancellationToken cancellationToken)
    {
        using var activity = activitySource.StartActivity("substation.gate_read");
        activity?.SetTag("gate.door", read.DoorId); // clean precision-names
        activity?.SetTag("gate.occurred_at", read.OccurredAt.ToString("O")); // clean precision-about
        try
        {
            if (read.Decision != AccessDecision.Granted)
            {
                throw new AccessDeniedException(read.CardNumber, read.DoorId, read.ReasonCode ?? "unknown");
            }

            await accessControl.PulseOpenAsync(read.DoorId, cancellationToken);
        }
        catch (AccessDeniedException ex)
        {
            activity?.SetStatus(ActivityStatusCode.Error, ex.Message); // leak TC1001 exceptions
            activity?.SetTag("gate.reason", ex.ReasonCode); // clean exceptions
            logger.LogChargenetAccessDeniedEvent(ex.DoorId, ex.ReasonCode, chargenetNote: "denied at " + ex.DoorId); // clean generated-api
        }
    }

    public void ChaseOverdueLoneWorkers(DateTimeOffset now)
    {
        using var activity = activitySource.StartActivity("substation.lone_worker_chase");
        var overdue = _openLoneWorkers.Values.Where(v => now - v.Expected > TimeSpan.FromHours(4)).ToList();
        activity?.SetTag("lone_worker.overdue_count", overdue.Count); // clean precision-about
        activity?.SetTag("lone_worker.overdue", overdue.Select(v => v.EngineerStaffNumber).ToArray()); // leak TC1001 cross-member
        activity?.SetTag("lone_worker.overdue_sites", overdue.Select(v => v.SubstationId).Distinct().ToArray()); // clean cross-member
        foreach (var visit in overdue)
        {
            logger.LogError("Lone worker overdue at {SubstationId}, call {Mobile}", visit.SubstationId, visit.EngineerMobile); // leak TC1001 direct
            activity?.AddEvent(new ActivityEvent("lone_worker.overdue", tags: new ActivityTagsCollection { ["visit"] = visit.VisitRef, ["hours"] = (now - visit.Expected).TotalHours })); // clean precision-names
        }

        var staffHash = overdue.Select(v => BitConverter.ToString(SHA1.HashData(Encoding.UTF8.GetBytes(v.EngineerStaffNumber)))).FirstOrDefault();
        activity?.SetTag("lone_worker.first.ref", staffHash); // leak TC1002 hashes
    }
}
