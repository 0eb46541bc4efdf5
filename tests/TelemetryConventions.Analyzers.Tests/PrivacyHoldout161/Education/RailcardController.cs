namespace PrivacyHoldout161.Education;

[ApiController]
[Route("api/railcards")]
public sealed class RailcardController(Pseudonymizer pseudonymizer, TelemetrySecrets secrets, ILogger<RailcardController> logger) : ControllerBase
{
    private static readonly Meter Meter = new("Trust.Trips.Railcards");
    private static readonly Counter<long> Checks = Meter.CreateCounter<long>("railcard.checks");

    private string? lastInvalidRailcard;
    private readonly Dictionary<string, string> railcardsByStudent = new();

    [HttpPost("{studentNumber}")]
    public ActionResult Register(string studentNumber, [FromBody] TripPupil pupil)
    {
        Activity.Current?.SetTag("railcard.student", studentNumber); // leak TC1001 direct
        Activity.Current?.SetTag("railcard.student.pseudonym", pseudonymizer.ComputeSchooltripPupilId(studentNumber)); // clean precision-pseudonym
        Activity.Current?.SetTag("railcard.year_group", pupil.YearGroup); // clean precision-about
        Activity.Current?.SetTag("railcard.has_card", pupil.RailcardNumber is not null); // clean precision-about
        if (pupil.RailcardNumber is null)
        {
            return BadRequest("no railcard");
        }

        railcardsByStudent[studentNumber] = pupil.RailcardNumber;
        if (!pupil.RailcardNumber.StartsWith("16-25", StringComparison.Ordinal))
        {
            lastInvalidRailcard = pupil.RailcardNumber;
            var ex = new RailcardInvalidException(pupil.RailcardNumber);
            logger.LogWarning("Railcard rejected: {Reason}", ex.Message); // leak TC1001 exceptions
            logger.LogWarning("Railcard rejected: {Type}", ex.GetType().Name); // clean exceptions
            Checks.Add(1, new KeyValuePair<string, object?>("railcard.result", "invalid")); // clean precision-about
            return BadRequest(ex.Message);
        }

        Checks.Add(1, new KeyValuePair<string, object?>("railcard.prefix", pupil.RailcardNumber[..5])); // clean precision-about
        Checks.Add(1, new KeyValuePair<string, object?>("railcard.shard", Shard(studentNumber))); // clean hashes
        logger.LogInformation("Railcard {Railcard} registered", pupil.RailcardNumber); // leak TC1001 direct
        Activity.Current?.SetTag("railcard.fingerprint", Convert.ToHexString(SHA1.HashData(Encoding.UTF8.GetBytes(pupil.RailcardNumber)))); // leak TC1002 hashes
        return Ok();
    }

    [HttpGet("audit")]
    public ActionResult Audit()
    {
        logger.LogInformation("Last invalid railcard {Railcard}", lastInvalidRailcard); // leak TC1001 cross-member
        logger.LogInformation("Registered railcards {Railcards}", railcardsByStudent); // leak TC1001 cross-member
        logger.LogInformation("{Count} railcards registered", railcardsByStudent.Count); // clean cross-member
        return Ok();
    }

    private string Shard(string studentNumber) =>
        (HMACSHA256.HashData(secrets.ShardKey, Encoding.UTF8.GetBytes(studentNumber))[0] % 32).ToString(CultureInfo.InvariantCulture);
}
