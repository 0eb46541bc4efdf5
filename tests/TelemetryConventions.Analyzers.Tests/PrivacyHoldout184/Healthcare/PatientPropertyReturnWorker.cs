namespace PrivacyHoldout184.Healthcare;

/// <summary>Sends discharged patients' property home by courier.</summary>
public sealed class PatientPropertyReturnWorker(IQueueReceiver<PatientPropertyReturn> queue, ICourierBooking courier, Pseudonymizer pseudonymizer, ILogger<PatientPropertyReturnWorker> logger, PropertyOptions options) : BackgroundService
{
    private static readonly ActivitySource Source = new("Trust.PropertyReturns");
    private static readonly Meter Meter = new("Trust.PropertyReturns");
    private readonly WardpropertyOperationsCounter _operations = Meter.CreateWardpropertyOperationsCounter();
    private readonly WardpropertyOperationDurationHistogram _duration = Meter.CreateWardpropertyOperationDurationHistogram();
    private string _lastAddress = string.Empty;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var ret = await queue.ReceiveAsync(stoppingToken);
            if (ret is null) continue;
            var started = Stopwatch.GetTimestamp();
            using var span = Source.StartWardpropertyOperation(options.Desk);
            using var scope = logger.BeginScope(new Dictionary<string, object> { ["ReturnId"] = ret.ReturnId, ["Courier"] = ret.Courier }); // clean direct
            using var patientScope = logger.BeginScope(new Dictionary<string, object> { ["NhsNumber"] = ret.NhsNumber }); // leak TC1001 direct
            span.SetWardpropertyItemCount(ret.Bags); // clean precision-about
            span.SetWardpropertyNote(ret.HomeAddress); // leak TC1001 generated-api
            span.SetWardpropertyNote($"{ret.Bags} bags by {ret.Courier}"); // clean generated-api
            _lastAddress = ret.HomeAddress;
            try
            {
                await courier.BookAsync(new CourierReturn(ret.ReturnId, ret.ReturnId, "", ret.HomeAddress, "", ret.Courier, ""), stoppingToken);
                _operations.Add(1, options.Desk, "booked"); // clean generated-api
            }
            catch (CourierUnavailableException ex)
            {
                span.RecordException(ex, includeMessage: true); // clean exceptions
                logger.LogWarning(ex, "No courier for return {ReturnId}", ret.ReturnId); // clean exceptions
                span.Activity?.SetTag("wardproperty.return.address", _lastAddress); // leak TC1001 cross-member
                logger.LogWardpropertyOperationFailedEvent(options.Desk, "no-courier", wardpropertyNote: ret.Courier); // clean generated-api
                _operations.Add(1, options.Desk, ret.NhsNumber); // leak TC1003 generated-api
            }
            catch (OwnerNotFoundException ex)
            {
                span.RecordException(ex); // clean exceptions
                span.SetStatus(ActivityStatusCode.Error, ex.Message); // leak TC1001 exceptions
                logger.LogError(ex, "Return {ReturnId} has no patient", ret.ReturnId); // leak TC1001 exceptions
                span.Activity?.SetTag("error.type", ex.GetType().Name); // clean exceptions
            }
            span.SetWardpropertyOwnerId(Pseudonym.FromComputed(ret.NhsNumber)); // leak TC1001 precision-pseudonym
            span.Activity?.SetBaggage("patient.pseudonym", pseudonymizer.ComputeWardpropertyOwnerId(ret.NhsNumber)); // clean precision-pseudonym
            span.Activity?.SetTag("wardproperty.address.last_part_length", ret.HomeAddress.Split(' ').LastOrDefault()?.Length); // clean precision-about
            _duration.Record(Stopwatch.GetElapsedTime(started).TotalSeconds, options.Desk); // clean generated-api
        }
    }
}
