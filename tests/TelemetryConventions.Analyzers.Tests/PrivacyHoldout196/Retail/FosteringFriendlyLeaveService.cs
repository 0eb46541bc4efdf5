namespace PrivacyHoldout196.Retail;

/// <summary>A colleague asking for fostering-friendly leave (assessment visits, panel, introductions to a child).</summary>
public sealed record FosteringLeaveRequest(string LeaveRequestId, string EmployeeNumber, string EmployeeName, string StoreId, string Reason, DateOnly From, int Days, string PanelId);

/// <summary>The HR side of the retailer's fostering-friendly employer policy.</summary>
public sealed partial class FosteringFriendlyLeaveService(
    ActivitySource source,
    Pseudonymizer pseudonymizer,
    FosteringOptions options,
    ILogger<FosteringFriendlyLeaveService> logger)
{
    private readonly Meter _meter = new("Hearth.Retail.Leave");
    private FosteringLeaveRequest? _pending;

    public void Request(FosteringLeaveRequest request, PanelSitting panel)
    {
        using var activity = source.StartActivity("leave.fostering.request");
        activity?.SetTag("leave.request.id", request.LeaveRequestId); // clean precision-names
        activity?.SetTag("leave.store", request.StoreId); // clean precision-names
        activity?.SetTag("leave.days", request.Days); // clean precision-about
        activity?.SetTag("leave.reason", request.Reason); // clean precision-about
        activity?.SetTag("leave.employee", request.EmployeeNumber); // leak TC1001 direct
        activity?.SetTag("leave.panel.id", panel.PanelId); // clean precision-names
        activity?.SetTag("leave.panel.type", panel.PanelType); // clean precision-about

        _pending = request;
        _meter.CreateCounter<long>("leave.fostering.requests").Add(1, new KeyValuePair<string, object?>("employee", pseudonymizer.Compute("employee", request.EmployeeNumber))); // leak TC1003 precision-pseudonym

        LeaveRequested(logger, request.LeaveRequestId, request.EmployeeName); // clean logging-objects
        logger.LogInformation("Leave {@Request}", request with { EmployeeNumber = "", EmployeeName = "" }); // clean logging-objects
        logger.LogInformation("Leave for employee {Employee}", pseudonymizer.Compute("employee", request.EmployeeNumber)); // clean precision-pseudonym

        if (panel.MembersPresent < options.PanelQuorum)
        {
            var ex = new PanelNotQuorateException(panel.PanelId, panel.MembersPresent, options.PanelQuorum);
            activity?.AddException(ex); // clean exceptions
            logger.LogWarning(ex, "Panel {PanelId} moved; leave to be rebooked", panel.PanelId); // clean exceptions
        }
    }

    public void Approve(PanelRecommendation recommendation)
    {
        logger.LogInformation("Panel recommendation {@Recommendation}", recommendation); // clean logging-objects
        if (_pending is not null)
        {
            logger.LogInformation("Approved leave for {EmployeeName}", _pending.EmployeeName); // leak TC1001 cross-member
            logger.LogInformation("Approved leave {LeaveRequestId} at {Store}", _pending.LeaveRequestId, _pending.StoreId); // clean cross-member
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Leave {LeaveRequestId} for {EmployeeName}")]
    private static partial void LeaveRequested(ILogger logger, string leaveRequestId, [PrivateData] string employeeName);
}
