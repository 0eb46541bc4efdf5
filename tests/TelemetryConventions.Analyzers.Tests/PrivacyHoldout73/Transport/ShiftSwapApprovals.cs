using PrivacyHoldout73.Telemetry;

namespace PrivacyHoldout73.Transport;

public enum SwapState
{
    Proposed,
    AcceptedByPeer,
    AwaitingController,
    Approved,
    Declined,
    Expired,
}

public enum SwapTrigger
{
    PeerAccepts,
    SubmitToController,
    ControllerApproves,
    ControllerDeclines,
    Expire,
}

public sealed record DutySwap(Guid SwapId, string DutyNumber, string Depot, DateOnly Day, string GivingDriverStaffNumber, string TakingDriverStaffNumber, string? Message);

public sealed class RestRuleViolationException(string staffNumber, double restHours)
    : Exception($"Driver {staffNumber} would have only {restHours:F1} hours rest.")
{
    public double RestHours { get; } = restHours;
}

/// <summary>Drivers swap duties; the depot controller approves; the swap expires at the duty's sign-on.</summary>
public sealed class ShiftSwapApprovals
{
    private static readonly ActivitySource Source = new("Transit.Crew");

    private readonly DutySwap _swap;
    private readonly ILogger _logger;
    private readonly StateMachine<SwapState, SwapTrigger> _machine;
    private readonly List<string> _trail = new();

    public ShiftSwapApprovals(DutySwap swap, ILogger logger)
    {
        _swap = swap;
        _logger = logger;
        _machine = new StateMachine<SwapState, SwapTrigger>(SwapState.Proposed);

        _machine.Configure(SwapState.Proposed)
            .OnExit(t => _trail.Add($"{t.Trigger} by {swap.TakingDriverStaffNumber}"))
            .Permit(SwapTrigger.PeerAccepts, SwapState.AcceptedByPeer)
            .Permit(SwapTrigger.Expire, SwapState.Expired);
        _machine.Configure(SwapState.AcceptedByPeer)
            .OnEntry(t => _logger.LogInformation("Duty {Duty} at {Depot} accepted by peer", swap.DutyNumber, swap.Depot)) // clean precision-names
            .Permit(SwapTrigger.SubmitToController, SwapState.AwaitingController);
        _machine.Configure(SwapState.AwaitingController)
            .OnEntry(t => _logger.LogInformation("Swap message: {Message}", swap.Message)) // leak TC1001 cross-member
            .OnEntry(t => _logger.LogInformation("Swap has message: {HasMessage}", swap.Message is { Length: > 0 })) // clean precision-about
            .Permit(SwapTrigger.ControllerApproves, SwapState.Approved)
            .Permit(SwapTrigger.ControllerDeclines, SwapState.Declined);
        _machine.Configure(SwapState.Approved)
            .OnEntry(t => _logger.LogInformation("Swap approved, trail {Trail}", _trail)); // leak TC1001 logging-objects
        _machine.Configure(SwapState.Declined)
            .OnEntry(t => _logger.LogInformation("Swap declined after {Steps} steps", _trail.Count)); // clean precision-about

        _machine.OnTransitioned(t => Activity.Current?.AddEvent(new ActivityEvent($"swap.{t.Destination}"))); // clean precision-names
    }

    public void Approve(string controllerStaffNumber, double restHours)
    {
        using var activity = Source.StartActivity("crew.swap.approve");
        activity?.SetTag("swap.duty", _swap.DutyNumber); // clean precision-names
        activity?.SetTag("swap.day", _swap.Day.ToString("yyyy-MM-dd")); // clean precision-about
        activity?.SetTag("swap.controller", controllerStaffNumber); // leak TC1001 direct
        activity?.SetTag("swap.state", _machine.State.ToString()); // clean precision-about
        if (restHours < 11)
        {
            var ex = new RestRuleViolationException(_swap.TakingDriverStaffNumber, restHours);
            activity?.AddException(ex); // leak TC1001 exceptions
            activity?.SetTag("swap.rest.hours", ex.RestHours); // clean precision-about
            _machine.Fire(SwapTrigger.ControllerDeclines);
            return;
        }
        _machine.Fire(SwapTrigger.ControllerApproves);
        activity?.SetTag("swap.drivers", $"{_swap.GivingDriverStaffNumber}->{_swap.TakingDriverStaffNumber}"); // leak TC1001 strings
        activity?.SetTag("swap.drivers.count", 2);
        _logger.LogInformation("Swap {SwapId} approved for duty {Duty}", _swap.SwapId, _swap.DutyNumber); // clean precision-names
    }
}
