namespace PrivacyHoldout184.Transport;

/// <summary>Books couriers for items claimed by post. The topic is keyed by return id.</summary>
public sealed class CourierReturnsConsumer(IConsumer<string, CourierReturn> consumer, ICourierBooking courier, ILogger<CourierReturnsConsumer> logger, PropertyOptions options) : BackgroundService
{
    private static readonly ActivitySource Source = new("Rail.CourierReturns");
    private static readonly Meter Meter = new("Rail.CourierReturns");
    private readonly LostpropertyOperationsCounter _operations = Meter.CreateLostpropertyOperationsCounter();
    private readonly LostpropertyOperationDurationHistogram _duration = Meter.CreateLostpropertyOperationDurationHistogram();
    private static readonly Histogram<double> Fees = Meter.CreateHistogram<double>("lostproperty.courier.fee", "GBP");

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var result = consumer.Consume(stoppingToken);
            if (result is null) continue;
            var started = Stopwatch.GetTimestamp();
            var ret = result.Message.Value;
            using var span = Source.StartLostpropertyOperation(options.Desk);
            span.Activity?.SetTag("messaging.kafka.message.key", result.Message.Key); // clean direct
            span.Activity?.SetTag("lostproperty.return.id", ret.ReturnId); // clean direct
            span.Activity?.SetTag("lostproperty.return.courier", ret.Courier); // clean direct
            span.Activity?.SetTag("lostproperty.return.recipient", ret.RecipientName); // leak TC1001 direct
            span.Activity?.SetTag("lostproperty.return.address", ret.DeliveryAddress); // leak TC1001 direct
            span.Activity?.SetTag("lostproperty.return.address_length", ret.DeliveryAddress.Length); // clean precision-about
            span.SetLostpropertyNote($"deliver to {ret.Postcode}"); // leak TC1001 generated-api
            span.SetLostpropertyNote($"courier {ret.Courier}"); // clean generated-api
            try
            {
                var tracking = await courier.BookAsync(ret, stoppingToken);
                span.Activity?.SetTag("lostproperty.return.tracking", tracking); // clean direct
                logger.LogInformation("Return booked {Return}", new CourierReturnSummary(ret.ReturnId, ret.Courier, "tracked-48", options.CourierFeeCap)); // clean logging-objects
                logger.LogInformation("Return booked {@Return}", ret); // leak TC1001 logging-objects
                Fees.Record((double)options.CourierFeeCap, new KeyValuePair<string, object?>("courier", ret.Courier)); // clean direct
                _operations.Add(1, options.Desk, "booked"); // clean generated-api
            }
            catch (CourierUnavailableException ex)
            {
                span.SetStatus(ActivityStatusCode.Error, ex.Message); // clean exceptions
                logger.LogLostpropertyOperationFailedEvent(options.Desk, "no-courier", lostpropertyNote: ex.Message); // clean generated-api
                _operations.Add(1, options.Desk, ret.Postcode); // leak TC1003 generated-api
            }
            catch (OwnerNotFoundException ex)
            {
                span.RecordException(ex, includeMessage: true); // leak TC1001 exceptions
                logger.LogWarning("Return {ReturnId} failed: {Error}", ret.ReturnId, ex.GetType().Name); // clean exceptions
            }

            consumer.Commit(result);
            _duration.Record(Stopwatch.GetElapsedTime(started).TotalSeconds, options.Desk); // clean generated-api
        }
    }
}
