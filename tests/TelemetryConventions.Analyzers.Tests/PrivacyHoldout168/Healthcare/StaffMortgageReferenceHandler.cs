namespace PrivacyHoldout168.Healthcare;

/// <summary>HR answers mortgage lenders' employment reference requests for the trust's staff from a queue.</summary>
public sealed partial class StaffMortgageReferenceHandler(
    IQueueReceiver<EmploymentReferenceRequest> queue,
    Pseudonymizer pseudonymizer,
    ILogger<StaffMortgageReferenceHandler> logger) : BackgroundService
{
    private static readonly ActivitySource Source = new("Trust.HrReferences");
    private static readonly Meter Meter = new("Trust.HrReferences");
    private static readonly Histogram<double> Turnaround = Meter.CreateHistogram<double>("hr.reference.turnaround", "d");

    private readonly Dictionary<string, EmploymentReference> _references = new();
    private string _currentStaffNumber = string.Empty;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var request = await queue.ReceiveAsync(stoppingToken);
            if (request is null)
            {
                continue;
            }
            _currentStaffNumber = request.StaffNumber;
            using var activity = Source.StartActivity("hr.reference.answer");
            activity?.SetTag("lender.name", request.LenderName); // clean precision-about
            activity?.SetTag("lender.reference", request.LenderReference); // clean precision-about
            LogReferenceRequested(logger, request.LenderName, request.StaffNumber); // clean logging-objects
            LogReferenceRequestedPlain(logger, request.LenderName, request.StaffNumber); // leak TC1001 direct
            logger.LogInformation("Reply will go to {LenderContact}", request.LenderContactEmail); // leak TC1001 direct
            Annotate(activity);

            if (!_references.TryGetValue(request.StaffNumber, out var reference))
            {
                var message = string.Format(CultureInfo.InvariantCulture, "No HR record for staff number {0}", request.StaffNumber);
                activity?.SetStatus(ActivityStatusCode.Error, message); // leak TC1001 strings
                logger.LogCarefinanceOperationFailedEvent("RGT01", "no-record", carefinanceNote: message); // leak TC1001 generated-api
                continue;
            }

            logger.LogInformation("Reference issued: {@Reference}", reference); // leak TC1001 logging-objects
            logger.LogInformation("Reference issued for grade {Grade} on {Contract}", reference.Grade, reference.ContractType); // clean precision-about
            activity?.AddEvent(new ActivityEvent("hr.reference.sent", tags: new ActivityTagsCollection { ["salary.band"] = reference.BasicSalary >= 50_000m ? "50k+" : "under-50k" })); // clean precision-about
            activity?.SetTag("staff.pseudonym", pseudonymizer.ComputeCarefinanceStaffId(request.StaffNumber)); // clean precision-pseudonym
            Turnaround.Record(2.5, new KeyValuePair<string, object?>("staff.id", pseudonymizer.ComputeCarefinanceStaffId(request.StaffNumber))); // leak TC1003 precision-pseudonym
            Turnaround.Record(2.5, new KeyValuePair<string, object?>("lender", request.LenderName)); // clean precision-about
        }
    }

    private void Annotate(Activity? activity)
    {
        activity?.SetTag("hr.staff_number", _currentStaffNumber); // leak TC1001 cross-member
    }

    [LoggerMessage(EventId = 4101, Level = LogLevel.Information, Message = "Lender {Lender} asked for a reference for {StaffNumber}")]
    private static partial void LogReferenceRequested(ILogger logger, string lender, [PrivateData] string staffNumber);

    [LoggerMessage(EventId = 4102, Level = LogLevel.Debug, Message = "Reference request from {Lender} for {StaffNumber}")]
    private static partial void LogReferenceRequestedPlain(ILogger logger, string lender, string staffNumber);
}
