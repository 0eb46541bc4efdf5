namespace PrivacyHoldout127.Media;

public sealed record CpdSubmission(string StaffNumber, string Byline, string WorkEmail, string Desk, CpdEntry Entry);

/// <summary>The newsroom's CPD log: journalists record courses and reflective learning, and the hours are summed per desk.</summary>
[ApiController]
[Route("api/cpd")]
public sealed class JournalistCpdLog(Pseudonymizer pseudonymizer, ILogger<JournalistCpdLog> logger) : ControllerBase
{
    private static readonly ActivitySource Source = new("Broadcaster.Newsroom.Cpd");
    private static readonly Meter Meter = new("Broadcaster.Newsroom.Cpd");
    private static readonly Histogram<double> Hours = Meter.CreateHistogram<double>("newsroomcpd.hours", "h");

    [HttpPost("")]
    public ActionResult Submit([FromBody] CpdSubmission submission)
    {
        var journalist = pseudonymizer.PseudonymizeNewsroomcpdJournalistId(submission.StaffNumber);
        using var span = Source.StartNewsroomcpdRecord(submission.Entry.Activity, spanName: "newsroomcpd.entry")
            .SetNewsroomcpdDesk(submission.Desk) // clean precision-names
            .SetNewsroomcpdCpdCategory(submission.Entry.Category) // clean precision-names
            .SetNewsroomcpdJournalistId(journalist); // clean precision-pseudonym
        Hours.Record(submission.Entry.Hours, new("desk", submission.Desk), new("category", submission.Entry.Category)); // clean precision-about
        Hours.Record(submission.Entry.Hours, new KeyValuePair<string, object?>("journalist", journalist.Value)); // leak TC1003 precision-pseudonym
        span.Activity?.SetTag("newsroomcpd.byline", submission.Byline); // leak TC1001 direct
        span.Activity?.SetTag("newsroomcpd.reflection.words", submission.Entry.Reflection.Split(' ').Length); // clean precision-about
        logger.LogInformation("CPD entry {@Entry}", submission.Entry); // leak TC1001 logging-objects
        logger.LogInformation("CPD from {Registration}", submission.Entry.RegistrationNumber); // leak TC1001 cross-member
        logger.LogInformation("CPD entry of {Hours}h in {Category} from {Desk}", submission.Entry.Hours, submission.Entry.Category, submission.Desk); // clean precision-about
        HttpContext.RequestHeaders.TryGetValue("X-Submitted-By", out var submittedBy);
        span.Activity?.SetTag("newsroomcpd.submitted_by", submittedBy); // leak TC1001 cross-member
        return Ok();
    }
}
