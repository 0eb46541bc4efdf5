namespace PrivacyHoldout179.Transport;

[ApiController]
[Route("api/depot-gate")]
public sealed partial class DepotGateController(
    ILogger<DepotGateController> logger,
    IVisitorLog visitorLog,
    Pseudonymizer pseudonymizer,
    TelemetrySecrets secrets,
    Meter meter) : ControllerBase
{
    private static readonly ActivitySource Source = new("Transit.DepotGate");
    private readonly Counter<long> _arrivals = meter.CreateCounter<long>("depot.gate.arrivals");
    private readonly DepotgateOperationsCounter _operations = meter.CreateDepotgateOperationsCounter();
    private readonly DepotgateOperationDurationHistogram _duration = meter.CreateDepotgateOperationDurationHistogram();
    private string? _lastRegistration;

    [HttpPost("arrivals")]
    public async Task<ActionResult> Arrive([FromBody] DepotVisitor visitor, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        using var span = Source.StartDepotgateOperation(visitor.Depot);
        span.SetDepotgateVisitType(visitor.Purpose); // clean precision-about
        span.SetDepotgateVisitorId(pseudonymizer.PseudonymizeDepotgateVisitorId(visitor.VisitorId)); // clean precision-pseudonym
        span.Activity?.SetTag("depot.visitor.id", visitor.VisitorId); // leak TC1001 direct
        span.Activity?.SetTag("depot.visitor.vrm", visitor.VehicleRegistration); // leak TC1001 direct
        span.Activity?.SetTag("depot.visitor.vrm_age", visitor.VehicleRegistration.Substring(2, 2)); // clean precision-about
        span.Activity?.SetTag("depot.visitor.name_length", visitor.Name.Length); // clean precision-about
        span.SetDepotgateNote($"Car park space for {visitor.VehicleRegistration}"); // leak TC1001 generated-api
        span.SetDepotgateNote($"Visiting {visitor.Depot} for {visitor.Purpose}"); // clean generated-api

        _lastRegistration = visitor.VehicleRegistration;
        logger.LogInformation("{Name} arrived at {Depot}", visitor.Name, visitor.Depot); // leak TC1001 direct
        logger.LogInformation("Visitor arrived at {Depot} for {Purpose}", visitor.Depot, visitor.Purpose); // clean precision-names
        logger.LogInformation("Arrival {Visitor}", visitor); // leak TC1001 logging-objects
        var (_, _, _, depot, purpose) = visitor;
        logger.LogInformation("Arrival at {Depot} for {Purpose}", depot, purpose); // clean precision-names

        var known = await visitorLog.FindAsync(visitor.VisitorId, cancellationToken);
        if (known is null)
        {
            var ex = new VisitorNotFoundException(visitor.VisitorId);
            span.RecordException(ex); // clean generated-api
            span.RecordException(ex, includeMessage: true); // leak TC1001 exceptions
            span.SetStatus(ActivityStatusCode.Error, "visitor not pre-registered"); // clean exceptions
            logger.LogWarning(ex, "Unknown visitor at {Depot}", visitor.Depot); // leak TC1001 exceptions
            _operations.Add(1, visitor.Depot, "unknown_visitor"); // clean generated-api
            return NotFound();
        }

        _arrivals.Add(1, new KeyValuePair<string, object?>("depot", visitor.Depot)); // clean precision-names
        _arrivals.Add(1, new KeyValuePair<string, object?>("vrm", visitor.VehicleRegistration)); // leak TC1003 direct
        var lane = HMACSHA256.HashData(secrets.ShardKey, Encoding.UTF8.GetBytes(visitor.VehicleRegistration))[0] % 4;
        _arrivals.Add(1, new KeyValuePair<string, object?>("lane", lane)); // clean hashes
        var plateKey = Convert.ToHexString(SHA1.HashData(Encoding.UTF8.GetBytes(visitor.VehicleRegistration)))[..10];
        logger.LogDebug("Plate key {PlateKey}", plateKey); // leak TC1002 hashes
        _operations.Add(1, visitor.Depot, "arrived"); // clean generated-api
        _duration.Record(Stopwatch.GetElapsedTime(started).TotalSeconds, visitor.Depot); // clean generated-api
        return Ok();
    }

    [HttpPost("departures")]
    public ActionResult Depart(string depot)
    {
        using var activity = Source.StartActivity("depot.gate.departure");
        activity?.SetTag("depot", depot); // clean precision-names
        activity?.SetTag("depot.last_vrm", _lastRegistration); // leak TC1001 cross-member
        activity?.SetTag("depot.last_vrm_given", _lastRegistration is not null); // clean precision-about
        return Ok();
    }
}
