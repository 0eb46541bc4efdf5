namespace PrivacyHoldout164.Retail;

public sealed record GownHireRequest(string StudentNumber, string Size, string Hood, string Store, string Email, int HeightCm);

public interface IGownStock
{
    Task<int> AvailableAsync(string store, string size, CancellationToken cancellationToken = default);

    Task<GownHire> ReserveAsync(GownHireRequest request, CancellationToken cancellationToken = default);
}

/// <summary>The students' union store hires out gowns and hoods for the ceremonies.</summary>
[ApiController]
[Route("api/store/gown-hire")]
public sealed partial class GownHireController(
    IGownStock stock,
    ICeremonies ceremonies,
    Pseudonymizer pseudonymizer,
    ILogger<GownHireController> logger) : ControllerBase
{
    private static readonly ActivitySource Source = new("StudentsUnion.Store.Gowns");
    private static readonly Meter Meter = new("StudentsUnion.Store.Gowns");
    private static readonly Counter<long> Hires = Meter.CreateCounter<long>("gowns.hired");
    private readonly CampusstoreRequestsCounter _requests = Meter.CreateCampusstoreRequestsCounter();

    [HttpPost]
    public async Task<ActionResult> Hire([FromBody] GownHireRequest request, CancellationToken cancellationToken)
    {
        using var span = Source.StartCampusstoreOperation(request.Store);
        span.SetCampusstoreStudentId(pseudonymizer.PseudonymizeCampusstoreStudentId(request.StudentNumber)); // clean generated-api
        span.SetCampusstoreProgramme(request.Hood); // clean generated-api
        Activity.Current?.SetTag("gown.size", request.Size); // clean direct
        Activity.Current?.SetTag("gown.height", request.HeightCm); // clean precision-about
        Activity.Current?.SetTag("gown.student", request.StudentNumber); // leak TC1001 direct

        if (!await ceremonies.EligibleAsync(request.StudentNumber, cancellationToken))
        {
            var ex = new NotEligibleException(request.StudentNumber, "not on a ceremony list");
            logger.LogWarning(ex, "Gown hire refused"); // leak TC1001 exceptions
            logger.LogWarning("Gown hire refused: {Error}", ex.GetType().Name); // clean exceptions
            _requests.Add(1, request.Store, "not-eligible"); // clean generated-api
            return new BadRequestResult("not eligible");
        }

        var available = await stock.AvailableAsync(request.Store, request.Size, cancellationToken);
        LogStock(logger, request.Store, request.Size, available); // clean precision-about
        var hire = await stock.ReserveAsync(request, cancellationToken);
        logger.LogInformation("Gown reserved {@Hire}", hire); // leak TC1001 logging-objects
        logger.LogInformation("Gown reserved {HireId} at {Store}", hire.HireId, hire.Store); // clean precision-names
        LogConfirmation(logger, request.Email, hire.HireId); // leak TC1001 direct
        var receipt = $"GOWN-{hire.HireId.ToString("N")[..6].ToUpperInvariant()}-{request.Size}";
        Activity.Current?.SetTag("gown.receipt", receipt); // clean strings
        Hires.Add(1, new KeyValuePair<string, object?>("store", request.Store), new KeyValuePair<string, object?>("hood", request.Hood)); // clean precision-names
        Hires.Add(1, new KeyValuePair<string, object?>("student", pseudonymizer.ComputeCampusstoreStudentId(request.StudentNumber))); // leak TC1003 precision-pseudonym
        _requests.Add(1, request.Store, "reserved"); // clean generated-api
        return new OkResult(hire.HireId);
    }

    [LoggerMessage(EventId = 9101, Level = LogLevel.Debug, Message = "{Store} has {Available} gowns in {Size}")]
    private static partial void LogStock(ILogger logger, string store, string size, int available);

    [LoggerMessage(EventId = 9102, Level = LogLevel.Information, Message = "Confirmation for {Email}: hire {HireId}")]
    private static partial void LogConfirmation(ILogger logger, string email, Guid hireId);
}
