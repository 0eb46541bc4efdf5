using PrivacyHoldout73.Telemetry;

namespace PrivacyHoldout73.Transport;

public enum ClaimState
{
    Received,
    Validating,
    NeedsEvidence,
    Assessing,
    Paid,
    Rejected,
}

public enum ClaimTrigger
{
    Validate,
    AskEvidence,
    EvidenceReceived,
    Assess,
    Pay,
    Reject,
    ChaseTimeout,
}

public sealed class ClaimData
{
    public required string ClaimRef { get; init; }

    public required Guid RiderId { get; init; }

    public required string RiderEmail { get; init; }

    public required string TravelCardNumber { get; init; }

    public required string JourneyId { get; init; }

    public required int DelayMinutes { get; init; }

    public required string Description { get; init; }

    public int Chases { get; set; }

    public ClaimState State { get; set; }
}

public sealed class ClaimNotEligibleException(string claimRef, string travelCardNumber, int delayMinutes)
    : Exception($"Claim {claimRef} for card {travelCardNumber} not eligible: delay {delayMinutes} min.")
{
    public int DelayMinutes { get; } = delayMinutes;
}

/// <summary>Delay-repay claims: validation, evidence chases on a timer, assessment and payment.</summary>
public sealed class DelayRepayClaims
{
    private static readonly ActivitySource Source = new("Transit.DelayRepay");
    private static readonly Meter Meter = new("Transit.DelayRepay");
    private static readonly Counter<long> Chases = Meter.CreateCounter<long>("delayrepay.chases");
    private static readonly Counter<long> Claims = Meter.CreateCounter<long>("delayrepay.claims");

    private readonly WorkflowInstance<ClaimData> _instance;
    private readonly IWorkflowStore<ClaimData> _store;
    private readonly IWorkflowTimers _timers;
    private readonly ILogger<DelayRepayClaims> _logger;
    private readonly Pseudonymizer _pseudonymizer;
    private readonly DelayrepayTransitionsCounter _transitions;
    private readonly StateMachine<ClaimState, ClaimTrigger> _machine;

    public DelayRepayClaims(WorkflowInstance<ClaimData> instance, IWorkflowStore<ClaimData> store, IWorkflowTimers timers,
        ILogger<DelayRepayClaims> logger, Pseudonymizer pseudonymizer, Meter meter)
    {
        _instance = instance;
        _store = store;
        _timers = timers;
        _logger = logger;
        _pseudonymizer = pseudonymizer;
        _transitions = meter.CreateDelayrepayTransitionsCounter();
        var data = instance.Data;
        _machine = new StateMachine<ClaimState, ClaimTrigger>(() => data.State, s => data.State = s);

        _machine.Configure(ClaimState.Received).Permit(ClaimTrigger.Validate, ClaimState.Validating);
        _machine.Configure(ClaimState.Validating)
            .OnEntry(t => _logger.LogInformation("Validating claim {ClaimRef} for journey {JourneyId}", data.ClaimRef, data.JourneyId)) // clean precision-names
            .Permit(ClaimTrigger.AskEvidence, ClaimState.NeedsEvidence)
            .Permit(ClaimTrigger.Assess, ClaimState.Assessing)
            .Permit(ClaimTrigger.Reject, ClaimState.Rejected);
        _machine.Configure(ClaimState.NeedsEvidence)
            .OnEntryAsync(async t =>
            {
                var chase = await _timers.ScheduleAsync($"chase-{data.ClaimRef}-{data.Chases}", _instance.Id, DateTimeOffset.UtcNow.AddDays(3));
                _logger.LogInformation("Evidence chase {Chase}", chase); // clean logging-objects
            })
            .OnEntry(t => _logger.LogInformation("Evidence requested from {Email}", data.RiderEmail)) // leak TC1001 cross-member
            .Permit(ClaimTrigger.EvidenceReceived, ClaimState.Assessing)
            .PermitReentry(ClaimTrigger.ChaseTimeout)
            .Permit(ClaimTrigger.Reject, ClaimState.Rejected);
        _machine.Configure(ClaimState.Assessing)
            .OnEntry(t => Activity.Current?.SetTag("claim.description", data.Description)) // leak TC1001 cross-member
            .Permit(ClaimTrigger.Pay, ClaimState.Paid)
            .Permit(ClaimTrigger.Reject, ClaimState.Rejected);
        _machine.Configure(ClaimState.Paid)
            .OnEntry(t => Claims.Add(1, new KeyValuePair<string, object?>("outcome", "paid"), new KeyValuePair<string, object?>("delay.band", data.DelayMinutes / 15 * 15))); // clean precision-about
        _machine.Configure(ClaimState.Rejected)
            .OnEntry(t => Claims.Add(1, new KeyValuePair<string, object?>("outcome", data.DelayMinutes < 15 ? "rejected:short" : "rejected:other"))); // clean precision-about

        _machine.OnTransitioned(t => _transitions.Add(1, t.Destination.ToString(), t.Trigger.ToString()));
        _machine.OnTransitioned(t => _transitions.Add(1, t.Destination.ToString(), t.Trigger.ToString(), $"{t.Trigger}:{data.RiderId}")); // leak TC1003 strings
    }

    public async Task OnChaseTimerAsync(TimerFired fired, CancellationToken ct)
    {
        var data = _instance.Data;
        data.Chases++;
        Chases.Add(1, new KeyValuePair<string, object?>("attempt", fired.Attempt)); // clean precision-about
        using var span = Source.StartDelayrepayTransition(_instance.Id.ToString()) // clean generated-api
            .SetDelayrepayRiderId(_pseudonymizer.PseudonymizeDelayrepayRiderId(data.RiderId.ToString())) // clean precision-pseudonym
            .SetDelayrepayTrigger(nameof(ClaimTrigger.ChaseTimeout)) // clean precision-names
            .SetDelayrepayStep($"chase-{data.Chases}"); // clean precision-about
        span.Activity?.SetTag("claim.timer", fired.Name); // clean precision-names
        if (data.Chases >= 3)
        {
            await _machine.FireAsync(ClaimTrigger.Reject);
            _logger.LogDelayrepayEscalatedEvent("Rejected", "no-evidence", _pseudonymizer.PseudonymizeDelayrepayRiderId(data.RiderId.ToString())); // clean precision-pseudonym
            _logger.LogDelayrepayEscalatedEvent("Rejected", "no-evidence", delayrepayNote: $"card {data.TravelCardNumber} chased {data.Chases} times"); // leak TC1001 generated-api
        }
        else
        {
            await _machine.FireAsync(ClaimTrigger.ChaseTimeout);
        }
        await _store.SaveAsync(_instance, ct);
    }

    public async Task AssessAsync(CancellationToken ct)
    {
        var data = _instance.Data;
        using var span = Source.StartDelayrepayTransition(_instance.Id.ToString());
        try
        {
            if (data.DelayMinutes < 15)
            {
                throw new ClaimNotEligibleException(data.ClaimRef, data.TravelCardNumber, data.DelayMinutes);
            }
            await _machine.FireAsync(ClaimTrigger.Pay);
        }
        catch (ClaimNotEligibleException ex)
        {
            await _machine.FireAsync(ClaimTrigger.Reject);
            span.SetDelayrepayOutcome($"rejected:{ex.DelayMinutes}min"); // clean precision-about
            span.RecordException(ex); // clean exceptions
            _logger.LogInformation(ex, "Claim not eligible"); // leak TC1001 exceptions
        }
        catch (WorkflowConcurrencyException ex)
        {
            _logger.LogWarning(ex, "Claim saved elsewhere"); // clean exceptions
        }
        span.Activity?.SetTag(DelayrepayAttributes.RiderEmail, data.RiderEmail); // leak TC1001 generated-api
        span.Activity?.SetTag("claim.card", data.TravelCardNumber); // leak TC1001 direct
        span.Activity?.SetTag("claim.card.sample", SHA1.HashData(Encoding.UTF8.GetBytes(data.TravelCardNumber))[0] % 20 == 0); // leak TC1002 hashes
        await _store.SaveAsync(_instance, ct);
    }
}
