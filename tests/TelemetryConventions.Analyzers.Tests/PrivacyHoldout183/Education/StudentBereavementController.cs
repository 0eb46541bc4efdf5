namespace PrivacyHoldout183.Education;

/// <summary>The university's student bereavement desk: a student's death notified, records closed, a posthumous award, the memorial fund and the condolence book.</summary>
[ApiController]
[Route("api/student-bereavement")]
public sealed partial class StudentBereavementController(
    ActivitySource source,
    Meter meter,
    ILogger<StudentBereavementController> logger,
    Pseudonymizer pseudonymizer,
    TelemetrySecrets secrets,
    IBereavementCaseStore cases) : ControllerBase
{
    private static readonly Counter<long> Notifications = new Meter("Campus.Bereavement").CreateCounter<long>("campus.student_deaths.notified");
    private readonly Histogram<double> _donations = meter.CreateHistogram<double>("campus.memorial_fund.donation", "GBP");
    private readonly CampuscareOperationsCounter _operations = meter.CreateCampuscareOperationsCounter();
    private readonly Dictionary<string, string> _pendingAwardsByStudent = new();
    private CondolenceMessage? _lastHeldCondolence;

    [HttpPost("notifications")]
    public async Task<ActionResult> NotifyAsync([FromBody] StudentDeath death, CancellationToken cancellationToken)
    {
        using var span = source.StartCampuscareOperation(death.Faculty);
        span.SetCampuscareStudentId(pseudonymizer.PseudonymizeCampuscareStudentId(death.StudentNumber)); // clean precision-pseudonym
        span.SetCampuscareCaseKind("notification"); // clean precision-names
        span.SetCampuscareNote($"Records to close for {death.StudentName}, {death.Course}"); // leak TC1001 generated-api
        span.Activity?.SetTag("student.course", death.Course); // clean precision-about
        span.Activity?.SetTag("student.number", death.StudentNumber); // leak TC1001 direct
        span.Activity?.SetTag("student.email_domain", death.StudentEmail.Split('@')[1]); // clean precision-about
        span.Activity?.SetTag(CampuscareAttributes.Contact, death.StudentEmail); // leak TC1001 generated-api
        Notifications.Add(1, new KeyValuePair<string, object?>("faculty", death.Faculty)); // clean precision-about
        Notifications.Add(1, new KeyValuePair<string, object?>("student", pseudonymizer.ComputeCampuscareStudentId(death.StudentNumber))); // leak TC1003 precision-pseudonym
        _operations.Add(1, death.Faculty, "notified"); // clean generated-api

        using (logger.BeginScope(new Dictionary<string, object?> { ["StudentNumber"] = death.StudentNumber })) // leak TC1001 logging-objects
        {
            await cases.SaveAsync(death.StudentNumber, death, cancellationToken);
            logger.LogInformation("Student death notified for faculty {Faculty}", death.Faculty); // clean precision-about
        }

        using (logger.BeginScope("Faculty {Faculty}, course {Course}", death.Faculty, death.Course)) // clean precision-about
        {
            logger.LogInformation("Closing {Death}", death with { StudentName = "", StudentEmail = "" }); // leak TC1001 logging-objects
            logger.LogInformation("Closing {Death}", death with { StudentNumber = "", StudentName = "", StudentEmail = "" }); // clean logging-objects
        }

        LogStudentNotified(logger, death.StudentName, death.Faculty); // clean logging-objects
        Baggage.SetBaggage("campus.student", pseudonymizer.ComputeCampuscareStudentId(death.StudentNumber)); // clean precision-pseudonym
        Baggage.SetBaggage("campus.student_email", death.StudentEmail); // leak TC1001 direct
        return Ok();
    }

    [HttpPost("awards")]
    public ActionResult Award([FromBody] PosthumousAward award)
    {
        using var activity = source.StartActivity("campus.posthumous_award");
        activity?.SetTag("award.ceremony_id", award.CeremonyId); // clean precision-names
        activity?.SetTag("award.title", award.Award); // clean precision-about
        activity?.SetTag("award.student_name", award.StudentName); // leak TC1001 direct
        activity?.SetTag("award.student_name_words", award.StudentName.Split(' ').Length); // clean precision-about
        _pendingAwardsByStudent[award.StudentNumber] = award.CeremonyId;
        logger.LogInformation("Posthumous award {@Award}", award); // leak TC1001 logging-objects
        LogAwardUnclassified(logger, award.StudentName, award.Award); // leak TC1001 logging-objects
        activity?.SetTag("award.pending_count", _pendingAwardsByStudent.Count); // clean cross-member
        activity?.SetTag("award.pending_students", string.Join(";", _pendingAwardsByStudent.Keys)); // leak TC1001 cross-member
        return Ok();
    }

    [HttpPost("memorial-fund")]
    public ActionResult Donate([FromBody] MemorialDonation donation)
    {
        using var activity = source.StartActivity("campus.memorial_fund.donation");
        activity?.SetTag("donation.id", donation.DonationId); // clean precision-names
        activity?.SetTag("donation.charity", donation.Charity); // clean precision-about
        activity?.SetTag("donation.in_memory_of", donation.InMemoryOf); // leak TC1001 direct
        activity?.SetTag("donation.donor_email_hash", Convert.ToHexString(MD5.HashData(Encoding.UTF8.GetBytes(donation.DonorEmail)))); // leak TC1002 hashes
        activity?.SetTag("donation.donor_bucket", HMACSHA256.HashData(secrets.PseudonymKey, Encoding.UTF8.GetBytes(donation.DonorEmail))[0] & 7); // clean hashes
        _donations.Record((double)donation.Amount, new KeyValuePair<string, object?>("charity", donation.Charity)); // clean precision-about
        _donations.Record((double)donation.Amount, new KeyValuePair<string, object?>("donor", donation.DonorEmail)); // leak TC1003 direct
        var thanks = $"Thank you {donation.DonorName} for your gift in memory of {donation.InMemoryOf}";
        logger.LogInformation(thanks); // leak TC1001 strings
        var receipt = $"Gift {donation.DonationId} of {donation.Amount:C} to {donation.Charity}";
        logger.LogInformation(receipt); // clean strings
        return Ok();
    }

    [HttpPost("condolences")]
    public ActionResult Condolence([FromBody] CondolenceMessage message)
    {
        using var activity = source.StartActivity("campus.condolence");
        activity?.SetTag("condolence.book_id", message.BookId); // clean precision-names
        activity?.SetTag("condolence.word_count", message.Text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length); // clean precision-about
        activity?.SetTag("condolence.author_name", message.AuthorName); // leak TC1001 direct
        if (message.Text.Length > 2000)
        {
            _lastHeldCondolence = message;
            activity?.AddEvent(new ActivityEvent("condolence.held", tags: new ActivityTagsCollection { ["text"] = message.Text })); // leak TC1001 direct
            return BadRequest("too long");
        }

        var receipt = new CondolenceReceipt(message.MessageId, message.BookId, message.Text.Split(' ').Length, true);
        logger.LogInformation("Condolence receipt {@Receipt}", receipt); // clean logging-objects
        logger.LogInformation("Last held condolence by {Author}", _lastHeldCondolence?.AuthorEmail); // leak TC1001 cross-member
        var profile = new FamilyProfile { KinId = message.MessageId, DisplayName = message.AuthorName, Email = message.AuthorEmail };
        logger.LogInformation("Condolence from {Profile}", profile); // clean logging-objects
        activity?.SetTag("condolence.author_domain", profile.EmailDomain); // clean precision-about
        return Ok(receipt);
    }

    [LoggerMessage(EventId = 5201, Level = LogLevel.Information, Message = "Student {StudentName} of {Faculty} notified")]
    private static partial void LogStudentNotified(ILogger logger, [PrivateData] string studentName, string faculty);

    [LoggerMessage(EventId = 5202, Level = LogLevel.Information, Message = "Posthumous {Award} for {StudentName}")]
    private static partial void LogAwardUnclassified(ILogger logger, string studentName, string award);
}
