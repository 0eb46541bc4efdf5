namespace PrivacyHoldout145.Retail;

/// <summary>
/// Works the queue of port-ins customers asked for in store: sends each to the porting hub with the PAC the
/// donor network gave the customer, and times the port. A PAC is issued to one subscriber for one number.
/// </summary>
public sealed class NumberPortingWorker(
    IQueueReceiver<PortInRequest> requests,
    IPortingHub hub,
    Pseudonymizer pseudonymizer,
    ILogger<NumberPortingWorker> logger,
    Meter meter) : BackgroundService
{
    private static readonly ActivitySource Source = new("Retailer.Mobile.Porting");

    private readonly Counter<long> _ports = meter.CreateCounter<long>("mobile.ports", "{port}");

    private readonly List<PortInRequest> _mismatched = new();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (await requests.ReceiveAsync(stoppingToken) is { } request)
        {
            var started = Stopwatch.GetTimestamp();
            using var span = Source.StartMvnoOperation("porting", "mvno.port-in");
            span.SetMvnoSubscriberId(pseudonymizer.PseudonymizeMvnoSubscriberId(request.AccountNumber)); // clean precision-pseudonym
            Activity.Current?.SetTag("mvno.port.pac", request.Pac); // leak TC1001 direct
            Activity.Current?.SetTag("mvno.port.pac_length", request.Pac.Length); // clean precision-about
            using var scope = logger.BeginScope("Port-in of {Msisdn} from {Donor}", request.Msisdn, request.DonorNetwork); // leak TC1001 direct
            try
            {
                var outcome = await hub.SubmitAsync(request, stoppingToken);
                logger.LogInformation("Port outcome {Outcome}", outcome); // clean logging-objects
                _ports.Add(1, new KeyValuePair<string, object?>("donor", outcome.DonorNetwork), new KeyValuePair<string, object?>("state", outcome.State)); // clean precision-about
                meter.CreateMvnoPortDurationHistogram().Record(Stopwatch.GetElapsedTime(started).TotalSeconds, "porting"); // clean generated-api
                span.SetMvnoNote($"port {outcome.PortId} {outcome.State} for {outcome.PortDate:yyyy-MM-dd}"); // clean generated-api
            }
            catch (PacMismatchException ex)
            {
                _mismatched.Add(request);
                Activity.Current?.SetStatus(ActivityStatusCode.Error, ex.Message); // leak TC1001 exceptions
                meter.CreateMvnoActivationsCounter().Add(1, "porting", "pac-mismatch:" + request.Msisdn); // leak TC1003 generated-api
            }
            catch (DonorRejectedException ex)
            {
                logger.LogWarning(ex, "Donor rejected the port ({ReasonCode})", ex.ReasonCode); // clean exceptions
            }
            catch (PortWindowClosedException ex)
            {
                span.RecordException(ex, includeMessage: true); // clean exceptions
            }
        }
    }

    public async Task IssuePacAsync(Subscriber subscriber, CancellationToken ct)
    {
        var pac = await hub.IssuePacAsync(subscriber.Msisdn, ct);
        logger.LogInformation("PAC issued {Pac}", pac); // leak TC1001 logging-objects
        logger.LogInformation("PAC issued for {Subscriber}, expires {ExpiresAt}", pseudonymizer.ComputeMvnoSubscriberId(subscriber.AccountNumber), pac.ExpiresAt); // clean precision-pseudonym
        Activity.Current?.SetTag("mvno.pac.subscriber", Pseudonym.FromComputed(subscriber.AccountNumber).Value); // leak TC1001 precision-pseudonym
    }

    public void ReportMismatches() =>
        logger.LogWarning("PAC mismatches today: {Requests}", _mismatched.Select(r => $"{r.Msisdn}/{r.Pac}")); // leak TC1001 cross-member
}
