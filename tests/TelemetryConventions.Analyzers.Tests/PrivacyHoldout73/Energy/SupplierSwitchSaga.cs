using PrivacyHoldout73.Telemetry;

namespace PrivacyHoldout73.Energy;

public enum SwitchState
{
    Requested,
    ObjectionWindow,
    Objected,
    AwaitingFinalRead,
    Completed,
    RolledBack,
}

public enum SwitchTrigger
{
    Register,
    Object,
    WindowClosed,
    FinalReadReceived,
    Fail,
}

public sealed class SwitchData
{
    public required string AccountNumber { get; init; }

    public required string Mpan { get; init; }

    public required string MeterSerial { get; init; }

    public required string HolderEmail { get; init; }

    public required string NewTariff { get; init; }

    public string? ObjectionReason { get; set; }

    public SwitchState State { get; set; }
}

public sealed class RegistrationRejectedException(string mpan, string code)
    : Exception($"Registration of MPAN {mpan} rejected by the central switching service: {code}.")
{
    public string Code { get; } = code;
}

public sealed class TariffReversalException(string tariff, string accountNumber)
    : Exception($"Could not restore tariff {tariff} on account {accountNumber}.");

/// <summary>The switch saga: a persisted Stateless machine, a durable objection-window timer, compensations.</summary>
public sealed class SupplierSwitchSaga
{
    private static readonly ActivitySource Source = new("Supply.Switching");

    private readonly WorkflowInstance<SwitchData> _instance;
    private readonly IWorkflowStore<SwitchData> _store;
    private readonly IWorkflowTimers _timers;
    private readonly ILogger<SupplierSwitchSaga> _logger;
    private readonly Pseudonymizer _pseudonymizer;
    private readonly SwitchflowTransitionsCounter _counter;
    private readonly StateMachine<SwitchState, SwitchTrigger> _machine;
    private readonly CompensationScope _compensations = new();

    public SupplierSwitchSaga(WorkflowInstance<SwitchData> instance, IWorkflowStore<SwitchData> store, IWorkflowTimers timers,
        ILogger<SupplierSwitchSaga> logger, Pseudonymizer pseudonymizer, Meter meter)
    {
        _instance = instance;
        _store = store;
        _timers = timers;
        _logger = logger;
        _pseudonymizer = pseudonymizer;
        _counter = meter.CreateSwitchflowTransitionsCounter();
        var data = instance.Data;
        _machine = new StateMachine<SwitchState, SwitchTrigger>(() => data.State, s => data.State = s);

        _machine.Configure(SwitchState.Requested)
            .Permit(SwitchTrigger.Register, SwitchState.ObjectionWindow)
            .Permit(SwitchTrigger.Fail, SwitchState.RolledBack);

        _machine.Configure(SwitchState.ObjectionWindow)
            .OnEntryAsync(async t =>
            {
                var timer = await _timers.ScheduleAsync($"objection:{data.Mpan}", _instance.Id, DateTimeOffset.UtcNow.AddDays(5));
                _logger.LogInformation("Objection window open until {Due} ({Timer})", timer.Due, timer.Name); // leak TC1001 cross-member
            })
            .Permit(SwitchTrigger.Object, SwitchState.Objected)
            .Permit(SwitchTrigger.WindowClosed, SwitchState.AwaitingFinalRead);

        _machine.Configure(SwitchState.Objected)
            .OnEntry(t => _logger.LogWarning("Switch objected: {Reason}", data.ObjectionReason)) // clean precision-about
            .Permit(SwitchTrigger.Fail, SwitchState.RolledBack);

        _machine.Configure(SwitchState.AwaitingFinalRead)
            .OnEntry(t => Activity.Current?.SetTag("switch.meter", data.MeterSerial)) // leak TC1001 cross-member
            .OnEntry(t => Activity.Current?.SetTag("switch.meter.model", data.MeterSerial[..3])) // clean precision-about
            .Permit(SwitchTrigger.FinalReadReceived, SwitchState.Completed)
            .Permit(SwitchTrigger.Fail, SwitchState.RolledBack);

        _machine.Configure(SwitchState.Completed)
            .OnEntry(t => _logger.LogInformation("Switched {District} to {Tariff}", data.Mpan[..2], data.NewTariff)) // clean precision-about
            .OnEntry(t => Activity.Current?.SetStatus(ActivityStatusCode.Ok, "switched " + data.Mpan + " to " + data.NewTariff)); // leak TC1001 strings

        _machine.OnTransitioned(t => _counter.Add(1, t.Destination.ToString(), t.Trigger.ToString())); // clean precision-names
        _machine.OnTransitioned(t => _logger.LogInformation("Switch {Instance} moved {Transition}", _instance, t)); // clean logging-objects
    }

    public async Task RegisterAsync(Func<string, Task> registerWithCss, Func<string, string, Task> restoreTariff, string oldTariff, CancellationToken ct)
    {
        var data = _instance.Data;
        using var span = Source.StartSwitchflowTransition(_instance.Id.ToString()) // clean generated-api
            .SetSwitchflowAccountId(_pseudonymizer.PseudonymizeSwitchflowAccountId(data.AccountNumber)) // clean precision-pseudonym
            .SetSwitchflowTrigger(nameof(SwitchTrigger.Register)); // clean precision-names

        _compensations.Add("restore-tariff", () => RestoreTariffAsync(restoreTariff, data.AccountNumber, oldTariff));
        _compensations.Add("withdraw-registration", () => Task.CompletedTask);
        try
        {
            await registerWithCss(data.Mpan);
            await _machine.FireAsync(SwitchTrigger.Register);
        }
        catch (RegistrationRejectedException ex)
        {
            span.SetSwitchflowOutcome($"rejected:{ex.Code}"); // clean precision-about
            span.SetSwitchflowNote(ex.Message); // leak TC1001 generated-api
            await _machine.FireAsync(SwitchTrigger.Fail);
            foreach (var failure in await _compensations.RunAsync())
            {
                span.SetSwitchflowStep($"compensate:{failure.Step}"); // clean precision-names
                _logger.LogError(failure.Error, "Compensation {Step} failed", failure.Step); // leak TC1001 exceptions
                span.Activity?.AddEvent(new ActivityEvent("compensation.failed", tags: new ActivityTagsCollection { ["step"] = failure.Step, ["error.type"] = failure.Error.GetType().Name })); // clean exceptions
            }
        }
        await _store.SaveAsync(_instance, ct);
    }

    private static async Task RestoreTariffAsync(Func<string, string, Task> restoreTariff, string accountNumber, string tariff)
    {
        try
        {
            await restoreTariff(accountNumber, tariff);
        }
        catch (HttpRequestException)
        {
            throw new TariffReversalException(tariff, accountNumber);
        }
    }

    public async Task ObjectAsync(string reasonCode, CancellationToken ct)
    {
        _instance.Data.ObjectionReason = reasonCode;
        await _machine.FireAsync(SwitchTrigger.Object);
        _logger.LogSwitchflowEscalatedEvent(_machine.State.ToString(), $"objected:{reasonCode}", _pseudonymizer.PseudonymizeSwitchflowAccountId(_instance.Data.AccountNumber)); // clean precision-pseudonym
        _logger.LogSwitchflowEscalatedEvent(_machine.State.ToString(), "objected", switchflowNote: $"account {_instance.Data.AccountNumber} objected by losing supplier"); // leak TC1001 generated-api
        await _store.SaveAsync(_instance, ct);
    }

    public void TagHolder(Activity? activity)
    {
        activity?.SetTag(SwitchflowAttributes.HolderEmail, _instance.Data.HolderEmail); // leak TC1001 generated-api
        activity?.SetTag("switch.holder.domain", new System.Net.Mail.MailAddress(_instance.Data.HolderEmail).Host); // clean precision-about
    }
}
