using PrivacyHoldout73.Telemetry;

namespace PrivacyHoldout73.Media;

public enum CancelState
{
    Requested,
    OfferMade,
    AgentCallback,
    Retained,
    Cancelled,
    Lapsed,
}

public enum CancelTrigger
{
    MakeOffer,
    AcceptOffer,
    DeclineOffer,
    RequestCallback,
    Confirm,
    Lapse,
}

public sealed class CancellationData
{
    public required Guid SubscriberId { get; init; }

    public required string Email { get; init; }

    public required string ProfileName { get; init; }

    public required string Plan { get; init; }

    public required string Country { get; init; }

    public string? ExitSurveyText { get; set; }

    public string? OfferCode { get; set; }

    public string? AgentEmail { get; set; }

    public CancelState State { get; set; }
}

/// <summary>The cancel flow: an offer, optionally a callback by a retention agent, a confirmation timer.</summary>
public sealed class CancellationFlow
{
    private static readonly ActivitySource Source = new("Streaming.Retention");
    private static readonly Meter Meter = new("Streaming.Retention");
    private static readonly Counter<long> Offers = Meter.CreateCounter<long>("retention.offers");

    private readonly WorkflowInstance<CancellationData> _instance;
    private readonly IWorkflowTimers _timers;
    private readonly ILogger _logger;
    private readonly Pseudonymizer _pseudonymizer;
    private readonly RetentionTransitionsCounter _transitions;
    private readonly StateMachine<CancelState, CancelTrigger> _machine;
    private readonly StateMachine<CancelState, CancelTrigger>.TriggerWithParameters<string> _decline;

    public CancellationFlow(WorkflowInstance<CancellationData> instance, IWorkflowTimers timers, ILogger logger, Pseudonymizer pseudonymizer, Meter meter)
    {
        _instance = instance;
        _timers = timers;
        _logger = logger;
        _pseudonymizer = pseudonymizer;
        _transitions = meter.CreateRetentionTransitionsCounter();
        var data = instance.Data;
        _machine = new StateMachine<CancelState, CancelTrigger>(() => data.State, s => data.State = s);
        _decline = _machine.SetTriggerParameters<string>(CancelTrigger.DeclineOffer);

        _machine.Configure(CancelState.Requested)
            .PermitIf(CancelTrigger.MakeOffer, CancelState.OfferMade, () => data.Plan != "basic", "plan has an offer")
            .Permit(CancelTrigger.Confirm, CancelState.Cancelled);

        _machine.Configure(CancelState.OfferMade)
            .OnEntry(t => Offers.Add(1, new KeyValuePair<string, object?>("plan", data.Plan), new KeyValuePair<string, object?>("country", data.Country))) // clean precision-about
            .OnEntry(t => _logger.LogInformation("Offer {Offer} shown to {Profile}", data.OfferCode, data.ProfileName)) // leak TC1001 cross-member
            .Permit(CancelTrigger.AcceptOffer, CancelState.Retained)
            .Permit(CancelTrigger.DeclineOffer, CancelState.Cancelled)
            .Permit(CancelTrigger.RequestCallback, CancelState.AgentCallback);

        _machine.Configure(CancelState.Cancelled)
            .OnEntryFrom(_decline, (surveyText, t) => _logger.LogInformation("Declined with survey answer {Answer}", surveyText)) // leak TC1001 direct
            .OnEntryFrom(_decline, (surveyText, t) => Activity.Current?.SetTag("retention.survey.length", surveyText.Length)) // clean precision-about
            .OnEntry(t => _logger.LogInformation("Subscription cancelled from {Source} via {Trigger}", t.Source, t.Trigger)); // clean precision-names

        _machine.OnTransitioned(t => _transitions.Add(1, t.Destination.ToString(), t.Trigger.ToString(), data.OfferCode)); // clean precision-about
        _machine.OnTransitioned(t => _logger.LogDebug("Cancel flow machine now {Machine}", _machine)); // clean logging-objects
    }

    public async Task StartAsync(CancellationToken ct)
    {
        var data = _instance.Data;
        using var span = Source.StartRetentionTransition(_instance.Id.ToString()) // clean generated-api
            .SetRetentionSubscriberId(_pseudonymizer.PseudonymizeRetentionSubscriberId(data.SubscriberId.ToString())); // clean precision-pseudonym
        span.SetRetentionWorkflowId(data.SubscriberId.ToString("N")); // leak TC1001 generated-api
        span.Activity?.SetTag("retention.country", data.Country); // clean precision-about

        // The confirmation timer is named after the subscriber so support can find it from the account page.
        var timer = await _timers.ScheduleAsync($"cancel-confirm/{data.SubscriberId:N}", _instance.Id, DateTimeOffset.UtcNow.AddDays(7), ct);
        span.Activity?.AddEvent(new ActivityEvent("timer.scheduled", tags: new ActivityTagsCollection { ["timer"] = timer.Name, ["due"] = timer.Due })); // leak TC1001 cross-member
        span.Activity?.AddEvent(new ActivityEvent("timer.scheduled.due", tags: new ActivityTagsCollection { ["due"] = timer.Due })); // clean precision-about
        if (_machine.CanFire(CancelTrigger.MakeOffer))
        {
            data.OfferCode = data.Plan == "premium" ? "P3M50" : "S1M0";
            await _machine.FireAsync(CancelTrigger.MakeOffer);
        }
        span.SetRetentionState(_machine.State.ToString());
    }

    public async Task DeclineAsync(string surveyText, CancellationToken ct)
    {
        _instance.Data.ExitSurveyText = surveyText;
        await _machine.FireAsync(_decline, surveyText);
        if (Activity.Current is { } current)
        {
            current.DisplayName = $"cancel {_instance.Data.Plan}"; // clean precision-about
        }
        Activity.Current?.SetTag("retention.profile", _instance.Data.ProfileName.ToUpperInvariant()); // leak TC1001 direct
    }

    public async Task AssignCallbackAsync(string agentEmail, ITaskInbox inbox, CancellationToken ct)
    {
        var data = _instance.Data;
        data.AgentEmail = agentEmail;
        await _machine.FireAsync(CancelTrigger.RequestCallback);
        var task = new HumanTask { TaskId = Guid.NewGuid(), Queue = "retention-callbacks", Assignee = agentEmail, Due = DateTimeOffset.UtcNow.AddHours(24), Title = $"Call back {data.ProfileName}" };
        await inbox.AssignAsync(task, ct);
        _logger.LogInformation("Callback task {Title}", task.Title); // leak TC1001 strings
        var summary = new StringBuilder().Append("callback for ").Append(data.Email).Append(" on ").Append(data.Plan).ToString();
        Activity.Current?.AddEvent(new ActivityEvent("retention.callback", tags: new ActivityTagsCollection { ["summary"] = summary })); // leak TC1001 strings
        _logger.LogInformation("Callback task {Task}", task); // clean logging-objects
        _logger.LogRetentionEscalatedEvent("AgentCallback", "callback", _pseudonymizer.PseudonymizeRetentionSubscriberId(data.SubscriberId.ToString()), $"queue {task.Queue}"); // clean precision-pseudonym
        _logger.LogRetentionEscalatedEvent("AgentCallback", $"callback:{data.Email}"); // leak TC1001 generated-api
    }
}
