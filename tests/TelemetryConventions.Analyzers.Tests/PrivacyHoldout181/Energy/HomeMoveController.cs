namespace PrivacyHoldout181.Energy;

/// <summary>Customers tell the supplier they are moving: a closing reading at the old home, a new address to supply or bill.</summary>
[ApiController]
[Route("api/home-moves")]
public sealed partial class HomeMoveController(
    ILogger<HomeMoveController> logger,
    Pseudonymizer pseudonymizer,
    TelemetrySecrets secrets) : ControllerBase
{
    private static readonly ActivitySource Source = new("Supplier.HomeMoves");
    private static readonly Meter Meter = new("Supplier.HomeMoves");
    private static readonly Counter<long> Moves = Meter.CreateCounter<long>("supplier.home_moves");
    private static readonly HomesupplyOperationsCounter Operations = Meter.CreateHomesupplyOperationsCounter();

    [HttpPost("")]
    public ActionResult MoveOut([FromBody] HomeMoveRequest request)
    {
        using var span = Source.StartHomesupplyOperation("moves-team");
        var mover = pseudonymizer.PseudonymizeHomesupplyMoverId(request.AccountNumber);
        span.SetHomesupplyMoverId(mover); // clean generated-api
        span.SetHomesupplyMoveType("move_out"); // clean generated-api
        span.SetHomesupplyNote($"Closing reading {request.ClosingReading} on {request.MoveDate:yyyy-MM-dd}"); // clean generated-api
        span.SetHomesupplyNote($"Final bill to {request.NewAddress}"); // leak TC1001 generated-api
        span.SetHomesupplyNote("Meter " + request.MeterSerial[..3] + " model"); // clean generated-api

        var activity = span.Activity;
        activity?.SetTag("supplier.account", request.AccountNumber); // leak TC1001 direct
        activity?.SetTag("supplier.meter.serial", request.MeterSerial); // leak TC1001 direct
        activity?.SetTag("supplier.meter.model", request.MeterSerial[..3]); // clean precision-about
        activity?.SetTag("supplier.move.date", request.MoveDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)); // clean precision-about
        activity?.SetTag("supplier.closing_reading", request.ClosingReading); // clean precision-about
        activity?.SetTag("supplier.new_postcode.district", request.NewPostcode.Split(' ')[0]); // clean precision-about
        activity?.SetTag("supplier.customer.name", request.CustomerName); // leak TC1001 direct
        activity?.SetTag("supplier.account_type", "dual_fuel"); // clean precision-names

        logger.LogInformation("Move out {Request}", request); // leak TC1001 logging-objects
        logger.LogInformation("Move out {Request}", request with { AccountNumber = "", CustomerName = "", MeterSerial = "", NewAddress = "", NewPostcode = "" }); // clean logging-objects
        logger.LogInformation("Move out {Request}", request with { ClosingReading = 0 }); // leak TC1001 logging-objects
        LogMoveOut(logger, request.AccountNumber, request.MoveDate); // leak TC1001 direct
        LogMoveOutClassified(logger, request.AccountNumber, request.MoveDate); // clean logging-objects

        var sb = new StringBuilder("Moving ");
        sb.Append(request.CustomerName).Append(" on ").Append(request.MoveDate.ToString("d", CultureInfo.InvariantCulture));
        activity?.AddEvent(new ActivityEvent("supplier.move.summary", tags: new ActivityTagsCollection { ["summary"] = sb.ToString() })); // leak TC1001 strings
        var daysAway = (request.MoveDate.ToDateTime(TimeOnly.MinValue) - DateTime.UtcNow).Days;
        activity?.AddEvent(new ActivityEvent("supplier.move.scheduled", tags: new ActivityTagsCollection { ["days_away"] = daysAway })); // clean precision-about

        var lane = HMACSHA256.HashData(secrets.ShardKey, Encoding.UTF8.GetBytes(request.MeterSerial))[0] % 4;
        Moves.Add(1, new KeyValuePair<string, object?>("lane", lane)); // clean hashes
        Moves.Add(1, new KeyValuePair<string, object?>("meter", request.MeterSerial)); // leak TC1003 direct
        Moves.Add(1, new KeyValuePair<string, object?>("meter_model", request.MeterSerial[..3])); // clean precision-about
        Operations.Add(1, "moves-team", "booked"); // clean generated-api
        Operations.Instrument.Add(1, new KeyValuePair<string, object?>("mover", mover.Value)); // leak TC1003 generated-api

        var digest = new Guid(MD5.HashData(Encoding.UTF8.GetBytes(request.AccountNumber)));
        logger.LogDebug("Move keyed {Digest}", digest); // leak TC1002 hashes
        var combined = HashCode.Combine(request.AccountNumber, request.MoveDate);
        activity?.SetTag("supplier.move.key", combined); // leak TC1002 hashes
        return Ok();
    }

    [LoggerMessage(EventId = 6101, Level = LogLevel.Information, Message = "Account {AccountNumber} moving out on {MoveDate}")]
    private static partial void LogMoveOut(ILogger logger, string accountNumber, DateOnly moveDate);

    [LoggerMessage(EventId = 6102, Level = LogLevel.Information, Message = "Account {AccountNumber} moves out on {MoveDate}")]
    private static partial void LogMoveOutClassified(ILogger logger, [PrivateData] string accountNumber, DateOnly moveDate);
}
