namespace PrivacyHoldout144.Energy;

/// <summary>
/// The heritage centre of an energy company keeps its archive (board minutes, power station plans, staff magazines,
/// photographs) and opens a search room to researchers with a reader's ticket. Readers register, then order
/// documents to their seat; documents with personal data about former staff stay closed for 84 years.
/// </summary>
[ApiController]
[Route("api/heritage/search-room")]
public sealed partial class ArchiveReadingRoomController(
    ISearchRoomDesk desk,
    ActivitySource source,
    Meter meter,
    Pseudonymizer pseudonymizer,
    ILogger<ArchiveReadingRoomController> logger) : ControllerBase
{
    private const string Repository = "heritage-centre";

    [HttpPost("readers")]
    public ActionResult Register([FromBody] Reader reader)
    {
        Activity.Current?.SetTag("powerarchive.reader.name", reader.FullName); // leak TC1001 direct
        Activity.Current?.SetTag("powerarchive.reader.affiliation", reader.Affiliation ?? "independent"); // clean precision-about
        Activity.Current?.SetTag("powerarchive.reader.ticket_expires", reader.TicketExpires.Year); // clean precision-about
        Activity.Current?.AddBaggage("powerarchive.reader", reader.ReaderTicket); // leak TC1001 direct
        LogReaderRegistered(logger, reader.Email, reader.TicketExpires); // clean logging-objects
        return Ok();
    }

    [HttpPost("productions")]
    public async Task<ActionResult> Produce([FromBody] ProductionRequest request, CancellationToken cancellationToken)
    {
        using var span = source.StartPowerarchiveOperation(Repository);
        span.SetPowerarchiveReference(request.Reference); // clean generated-api
        span.SetPowerarchiveReaderId(pseudonymizer.PseudonymizePowerarchiveReaderId(request.ReaderTicket)); // clean precision-pseudonym
        Activity.Current?.SetTag("powerarchive.search_room", request.SearchRoom); // clean precision-about
        Activity.Current?.SetTag("powerarchive.seat", request.Seat); // clean precision-about
        Activity.Current?.AddBaggage("powerarchive.reader", pseudonymizer.ComputePowerarchiveReaderId(request.ReaderTicket)); // clean precision-pseudonym

        using var scope = logger.BeginScope(new Dictionary<string, object> { ["ReaderTicket"] = request.ReaderTicket, ["Reference"] = request.Reference }); // leak TC1001 direct
        var reader = await desk.ReaderAsync(request.ReaderTicket, cancellationToken);
        if (reader is null || reader.TicketExpires < request.RequestedFor)
        {
            var expired = new ReaderTicketExpiredException(request.ReaderTicket, reader?.TicketExpires ?? default);
            span.RecordException(expired); // clean exceptions
            logger.LogWarning(expired, "Production {RequestId} refused", request.RequestId); // leak TC1001 exceptions
            return BadRequest("reader's ticket expired");
        }

        logger.LogInformation("Production {RequestId} of {Reference} for reader {ReaderTicket}", request.RequestId, request.Reference, request.ReaderTicket); // leak TC1001 direct
        logger.LogDebug("Production request {@Request}", request); // leak TC1001 logging-objects

        var closure = await desk.ClosureAsync(request.Reference, cancellationToken);
        if (closure is not null && closure.ClosedUntilYear > DateTime.UtcNow.Year)
        {
            logger.LogInformation("Closed item asked for: {Closure}", closure); // clean logging-objects
            var closed = new DocumentClosedException(request.Reference, closure.ClosedUntilYear);
            span.RecordException(closed, includeMessage: true); // clean exceptions
            meter.CreatePowerarchiveRequestsCounter().Add(1, Repository, powerarchiveOutcome: "closed"); // clean generated-api
            return BadRequest(closed.Message);
        }

        try
        {
            var slip = await desk.ProduceAsync(request, cancellationToken);
            logger.LogInformation("Production slip {Slip}", slip); // clean logging-objects
            meter.CreatePowerarchiveRequestsCounter().Add(1, Repository, powerarchiveOutcome: "produced"); // clean generated-api
            return Ok(slip.RequestId);
        }
        catch (UnfitForProductionException ex)
        {
            Activity.Current?.SetTag("powerarchive.condition", ex.ConditionCode); // clean exceptions
            logger.LogPowerarchiveOperationFailedEvent(Repository, "unfit", powerarchiveNote: ex.Message); // clean generated-api
            return BadRequest("surrogate copy only");
        }
        catch (SearchRoomFullException ex)
        {
            logger.LogWarning(ex, "Search room full for {RequestId}", request.RequestId); // clean exceptions
            return BadRequest("full");
        }
    }

    [LoggerMessage(EventId = 6101, Level = LogLevel.Information, Message = "Reader registered with {Email}, ticket valid until {Expires}")]
    private static partial void LogReaderRegistered(ILogger logger, [PrivateData] string email, DateOnly expires);
}
