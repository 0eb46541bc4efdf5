using PrivacyHoldout73.Telemetry;

namespace PrivacyHoldout73.Healthcare;

public enum DischargeState
{
    Drafted,
    AwaitingConsultant,
    AwaitingPharmacy,
    AwaitingTransport,
    ReadyToLeave,
    Discharged,
    Cancelled,
}

public enum DischargeTrigger
{
    Submit,
    ConsultantSignOff,
    Delegate,
    MedicinesReady,
    TransportBooked,
    Leave,
    Cancel,
}

public sealed class DischargeCase
{
    public required string HospitalNumber { get; init; }

    public required string NhsNumber { get; init; }

    public required string Ward { get; init; }

    public required string ConsultantStaffNumber { get; set; }

    public string? NextOfKinMobile { get; init; }

    public string? DelegateEmail { get; set; }

    public bool NeedsTransport { get; init; }

    public int MedicinesOutstanding { get; set; }

    public DischargeState State { get; set; }
}

/// <summary>The service's own exception for a trigger the discharge machine refuses.</summary>
public sealed class DischargeTransitionException(DischargeState state, DischargeTrigger trigger, string hospitalNumber)
    : InvalidOperationException($"Cannot {trigger} discharge of patient {hospitalNumber} while it is {state}.")
{
    public DischargeState State { get; } = state;

    public DischargeTrigger Trigger { get; } = trigger;
}

public sealed class DischargeWorkflow
{
    private static readonly ActivitySource Source = new("Trust.Discharge");
    private static readonly Meter Meter = new("Trust.Discharge");
    private static readonly Counter<long> SignOffs = Meter.CreateCounter<long>("discharge.signoffs");

    private readonly ILogger<DischargeWorkflow> _logger;
    private readonly Pseudonymizer _pseudonymizer;
    private readonly IWorkflowStore<DischargeCase> _store;
    private readonly IHistoryWriter _history;
    private readonly DischargeflowTransitionsCounter _transitions;
    private readonly StateMachine<DischargeState, DischargeTrigger> _machine;
    private readonly StateMachine<DischargeState, DischargeTrigger>.TriggerWithParameters<string> _delegate;
    private readonly WorkflowInstance<DischargeCase> _instance;

    public DischargeWorkflow(WorkflowInstance<DischargeCase> instance, ILogger<DischargeWorkflow> logger, Pseudonymizer pseudonymizer,
        IWorkflowStore<DischargeCase> store, IHistoryWriter history, Meter meter)
    {
        _instance = instance;
        _logger = logger;
        _pseudonymizer = pseudonymizer;
        _store = store;
        _history = history;
        _transitions = meter.CreateDischargeflowTransitionsCounter();

        var data = instance.Data;
        _machine = new StateMachine<DischargeState, DischargeTrigger>(() => data.State, s => data.State = s);
        _delegate = _machine.SetTriggerParameters<string>(DischargeTrigger.Delegate);

        _machine.Configure(DischargeState.Drafted)
            .Permit(DischargeTrigger.Submit, DischargeState.AwaitingConsultant)
            .Permit(DischargeTrigger.Cancel, DischargeState.Cancelled);

        _machine.Configure(DischargeState.AwaitingConsultant)
            .OnEntry(t => _logger.LogInformation("Discharge {WorkflowId} waiting for consultant sign-off on {Ward}", _instance.Id, data.Ward)) // clean precision-about
            .OnEntry(t => Activity.Current?.SetTag("discharge.consultant", data.ConsultantStaffNumber)) // leak TC1001 cross-member
            .OnEntryFrom(_delegate, (email, t) => _logger.LogInformation("Sign-off for {Ward} delegated to {Delegate}", data.Ward, email)) // leak TC1001 direct
            .PermitReentry(DischargeTrigger.Delegate)
            .PermitIf(DischargeTrigger.ConsultantSignOff, DischargeState.AwaitingPharmacy, () => data.MedicinesOutstanding > 0, "medicines outstanding")
            .PermitIf(DischargeTrigger.MedicinesReady, DischargeState.AwaitingTransport, () => data.MedicinesOutstanding == 0 && data.NeedsTransport, "no medicines, needs transport")
            .Permit(DischargeTrigger.Cancel, DischargeState.Cancelled);

        _machine.Configure(DischargeState.AwaitingPharmacy)
            .OnExit(t => Activity.Current?.AddEvent(new ActivityEvent("pharmacy.released", tags: new ActivityTagsCollection { ["discharge.medicines"] = data.MedicinesOutstanding }))) // clean precision-about
            .Permit(DischargeTrigger.MedicinesReady, DischargeState.AwaitingTransport)
            .Permit(DischargeTrigger.Cancel, DischargeState.Cancelled);

        _machine.Configure(DischargeState.ReadyToLeave)
            .OnEntry(t => _logger.LogInformation("Patient {HospitalNumber} ready to leave {Ward}", data.HospitalNumber, data.Ward)) // leak TC1001 cross-member
            .Permit(DischargeTrigger.Leave, DischargeState.Discharged);

        _machine.OnTransitioned(t => _transitions.Add(1, t.Destination.ToString(), t.Trigger.ToString())); // clean precision-names
        _machine.OnTransitioned(t => _logger.LogDebug("Discharge transition {Transition}", t)); // clean logging-objects
        _machine.OnTransitioned(t => _logger.LogDebug("Discharge transition {Trigger} with {Parameters}", t.Trigger, string.Join(",", t.Parameters))); // leak TC1001 logging-objects
        _machine.OnUnhandledTrigger((state, trigger) => throw new DischargeTransitionException(state, trigger, data.HospitalNumber));
    }

    public async Task SignOffAsync(string consultantStaffNumber, CancellationToken ct)
    {
        var data = _instance.Data;
        using var span = Source.StartDischargeflowTransition(_instance.Id.ToString()) // clean generated-api
            .SetDischargeflowPatientId(_pseudonymizer.PseudonymizeDischargeflowPatientId(data.HospitalNumber)) // clean precision-pseudonym
            .SetDischargeflowTrigger(nameof(DischargeTrigger.ConsultantSignOff));

        try
        {
            await _machine.FireAsync(DischargeTrigger.ConsultantSignOff);
            SignOffs.Add(1, new KeyValuePair<string, object?>("ward", data.Ward)); // clean precision-about
            SignOffs.Add(1, new KeyValuePair<string, object?>("consultant", consultantStaffNumber)); // leak TC1003 direct
            span.SetDischargeflowState(_machine.State.ToString()); // clean precision-about
            await _history.AppendAsync(new HistoryEntry(_instance.Id, "AwaitingConsultant", _machine.State.ToString(), "ConsultantSignOff", consultantStaffNumber, null, DateTimeOffset.UtcNow), ct);
        }
        catch (DischargeTransitionException ex)
        {
            span.SetStatus(ActivityStatusCode.Error, ex.Message); // leak TC1001 exceptions
            span.SetDischargeflowOutcome($"refused:{ex.State}"); // clean precision-about
            _logger.LogWarning("Sign-off refused in state {State} for trigger {Trigger}", ex.State, ex.Trigger); // clean exceptions
            throw;
        }
        catch (InvalidOperationException ex)
        {
            // Stateless' guard message quotes the trigger, the state and the guard descriptions.
            span.RecordException(ex, includeMessage: true); // clean exceptions
            _logger.LogWarning(ex, "Guard refused sign-off for {WorkflowId}", _instance.Id); // clean exceptions
        }
        await _store.SaveAsync(_instance, ct);
    }

    public async Task DelegateAsync(string delegateEmail, CancellationToken ct)
    {
        _instance.Data.DelegateEmail = delegateEmail;
        await _machine.FireAsync(_delegate, delegateEmail);
        _logger.LogInformation("Delegated to {DelegateDomain}", delegateEmail[(delegateEmail.IndexOf('@') + 1)..]); // clean precision-about
        Activity.Current?.SetTag("discharge.delegated", _instance.Data.DelegateEmail is not null); // clean precision-about
        Activity.Current?.SetTag("discharge.delegate", _instance.Data.DelegateEmail); // leak TC1001 cross-member
        Activity.Current?.SetTag("discharge.machine", _machine.ToString()); // clean precision-names
        await _store.SaveAsync(_instance, ct);
    }

    public void NotifyNextOfKin()
    {
        var data = _instance.Data;
        if (data.NextOfKinMobile is not { } mobile)
        {
            return;
        }
        using var span = Source.StartDischargeflowTransition(_instance.Id.ToString());
        span.Activity?.SetTag(DischargeflowAttributes.PatientContact, mobile); // leak TC1001 generated-api
        span.Activity?.SetTag("discharge.kin.prefix", mobile[..3]); // clean precision-about
        _logger.LogInformation("Next of kin contact key {ContactKey}", DischargeflowAttributes.PatientContact); // clean precision-names
    }
}
