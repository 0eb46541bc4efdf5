using PrivacyHoldout73.Telemetry;

namespace PrivacyHoldout73.Education;

public enum ExtensionState
{
    Submitted,
    WithTutor,
    WithModuleLeader,
    Granted,
    Refused,
    Withdrawn,
}

public enum ExtensionTrigger
{
    Route,
    TutorApprove,
    LeaderApprove,
    Refuse,
    Withdraw,
    Reassign,
}

public sealed record ExtensionRequest(Guid RequestId, string StudentNumber, string StudentName, string ModuleCode, string AssessmentId, int DaysAsked, string Reason, string TutorEmail);

public sealed class ExtensionWorkflow
{
    private static readonly ActivitySource Source = new("College.Extensions");

    private readonly ExtensionRequest _request;
    private readonly ILogger _logger;
    private readonly Pseudonymizer _pseudonymizer;
    private readonly CaseworkTransitionsCounter _counter;
    private readonly StateMachine<ExtensionState, ExtensionTrigger> _machine;
    private readonly StateMachine<ExtensionState, ExtensionTrigger>.TriggerWithParameters<string> _reassign;
    private readonly int _extensionsThisTerm;
    private string _assignedTutor;

    public ExtensionWorkflow(ExtensionRequest request, ExtensionState current, int extensionsThisTerm, ILogger logger, Pseudonymizer pseudonymizer, Meter meter)
    {
        _request = request;
        _logger = logger;
        _pseudonymizer = pseudonymizer;
        _counter = meter.CreateCaseworkTransitionsCounter();
        _extensionsThisTerm = extensionsThisTerm;
        _assignedTutor = request.TutorEmail;
        _machine = new StateMachine<ExtensionState, ExtensionTrigger>(current);
        _reassign = _machine.SetTriggerParameters<string>(ExtensionTrigger.Reassign);

        // The guard's description is shown in the admin console's diagram, so it names the case.
        _machine.Configure(ExtensionState.Submitted)
            .PermitIf(ExtensionTrigger.Route, ExtensionState.WithTutor, () => _extensionsThisTerm < 3, $"{request.StudentNumber} has fewer than 3 extensions this term")
            .Permit(ExtensionTrigger.Withdraw, ExtensionState.Withdrawn);

        _machine.Configure(ExtensionState.WithTutor)
            .OnEntry(t => Activity.Current?.AddEvent(new ActivityEvent("extension.routed", tags: new ActivityTagsCollection { ["tutor"] = _assignedTutor }))) // leak TC1001 cross-member
            .OnEntryFrom(_reassign, (tutor, t) => _logger.LogInformation("Extension {RequestId} reassigned from {Source}", _request.RequestId, t.Source)) // clean precision-names
            .PermitReentry(ExtensionTrigger.Reassign)
            .PermitIf(ExtensionTrigger.TutorApprove, ExtensionState.WithModuleLeader, () => _request.DaysAsked > 7, "more than 7 days")
            .PermitIf(ExtensionTrigger.TutorApprove, ExtensionState.Granted, () => _request.DaysAsked <= 7, "up to 7 days")
            .Permit(ExtensionTrigger.Refuse, ExtensionState.Refused);

        _machine.Configure(ExtensionState.Granted)
            .OnEntry(t => _logger.LogInformation("Extension granted for {Module} {Assessment}: {Days} days", _request.ModuleCode, _request.AssessmentId, _request.DaysAsked)) // clean precision-about
            .OnEntry(t => _logger.LogInformation("Extension granted: {Request}", _request)); // leak TC1001 logging-objects

        _machine.Configure(ExtensionState.Refused)
            .OnEntry(t => Activity.Current?.SetStatus(ActivityStatusCode.Error, $"refused for {_request.StudentName}")); // leak TC1001 strings

        _machine.OnTransitioned(t => _counter.Add(1, t.Destination.ToString(), t.Trigger.ToString(), t.IsReentry ? "reentry" : "moved")); // clean precision-about
    }

    public void Reassign(string newTutorEmail)
    {
        _assignedTutor = newTutorEmail;
        _machine.Fire(_reassign, newTutorEmail);
        Activity.Current?.SetTag("extension.tutor.domain", newTutorEmail.Split('@')[1]); // clean precision-about
    }

    public void Route()
    {
        using var span = Source.StartCaseworkTransition(_request.RequestId.ToString()) // clean generated-api
            .SetCaseworkStudentId(_pseudonymizer.PseudonymizeCaseworkStudentId(_request.StudentNumber)) // clean precision-pseudonym
            .SetCaseworkTrigger("Route"); // clean precision-names
        try
        {
            _machine.Fire(ExtensionTrigger.Route);
            span.SetCaseworkState(_machine.State.ToString());
        }
        catch (InvalidOperationException ex)
        {
            // Stateless quotes the guard descriptions, and this guard's description names the student.
            span.RecordException(ex, includeMessage: true); // leak TC1001 exceptions
            span.SetCaseworkOutcome("refused:guard"); // clean precision-names
            _logger.LogWarning("Route refused: {Error}", ex.GetType().Name); // clean exceptions
        }
    }

    public string Describe() => $"{_request.ModuleCode}:{_machine.State}";
}

/// <summary>Runs the extension workflows of a batch submitted through the student portal.</summary>
public sealed class ExtensionBatch(ILogger<ExtensionBatch> logger, Pseudonymizer pseudonymizer, Meter meter)
{
    private readonly Dictionary<string, ExtensionState> _outcomes = new();

    public void Run(IReadOnlyList<(ExtensionRequest Request, int Previous)> batch)
    {
        foreach (var (request, previous) in batch)
        {
            var workflow = new ExtensionWorkflow(request, ExtensionState.Submitted, previous, logger, pseudonymizer, meter);
            workflow.Route();
            _outcomes[request.StudentNumber] = ExtensionState.WithTutor;
            logger.LogDebug("Routed {Workflow}", workflow.Describe()); // clean precision-about
        }
        logger.LogInformation("Batch outcomes {Outcomes}", _outcomes); // leak TC1001 logging-objects
        logger.LogInformation("Batch outcomes {Outcomes}", _outcomes.GroupBy(o => o.Value).ToDictionary(g => g.Key, g => g.Count())); // clean precision-about
        logger.LogInformation("Batch reasons {Reasons}", batch.Select(b => b.Request.Reason).ToList()); // leak TC1001 logging-objects
        logger.LogInformation("Batch reason lengths {Lengths}", batch.Select(b => b.Request.Reason.Length).ToList()); // clean precision-about
    }
}
