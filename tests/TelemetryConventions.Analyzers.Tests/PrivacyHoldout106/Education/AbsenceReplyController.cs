namespace PrivacyHoldout106.Education;

/// <summary>A guardian as the MIS holds them for the absence line.</summary>
public sealed record Guardian(string AccountId, string Mobile, string Email, string GreetingName, string StudentNumber, string StudentPreferredName, string School);

public interface IGuardianDirectory
{
    Task<Guardian?> FindByMobileAsync(string mobile, CancellationToken cancellationToken = default);
}

public interface IAttendanceRegister
{
    Task RecordReasonAsync(string studentNumber, DateOnly day, string reasonCode, string guardianText, CancellationToken cancellationToken = default);
}

/// <summary>
/// The school trust's absence line: a text goes to the guardian when a pupil misses registration and the
/// guardian replies with the reason (ILL, APPT, or free text); HELP and STOP are answered too.
/// </summary>
[ApiController]
[Route("sms/absence")]
public sealed partial class AbsenceReplyController(
    ActivitySource source,
    Meter meter,
    ILogger<AbsenceReplyController> logger,
    IGuardianDirectory guardians,
    IAttendanceRegister register,
    ISuppressionList suppression,
    Pseudonymizer pseudonymizer) : ControllerBase
{
    private readonly EdumsgMessagesCounter _messages = meter.CreateEdumsgMessagesCounter();
    private readonly Counter<long> _reasons = meter.CreateCounter<long>("edumsg.absence.reasons");

    [HttpPost("")]
    public async Task<ActionResult> Reply([FromBody] InboundSms inbound)
    {
        using var span = source.StartEdumsgInbound("sms").SetEdumsgDirection("inbound").SetEdumsgMessageId(inbound.MessageSid); // clean precision-about
        var guardian = await guardians.FindByMobileAsync(inbound.From);
        if (guardian is null)
        {
            logger.LogWarning("Absence reply from unknown number {From} to {To}", inbound.From, inbound.To); // leak TC1001 direct
            logger.LogWarning("Absence reply from an unknown number in {Country} to {To}", inbound.FromCountry, inbound.To); // clean precision-about
            return Ok(new MessagingResponse().Message("We could not match your number. Please call the school office.").ToString());
        }

        span.SetEdumsgGuardianId(pseudonymizer.PseudonymizeEdumsgGuardianId(guardian.AccountId)) // clean precision-pseudonym
            .SetEdumsgSchool(guardian.School); // clean precision-about
        using var scope = logger.BeginScope("Guardian {GuardianAccount} for pupil {StudentNumber}", guardian.AccountId, guardian.StudentNumber); // leak TC1001 logging-objects

        var keyword = StandardKeywords.Match(inbound.Body);
        if (keyword is "HELP" or "INFO")
        {
            span.SetEdumsgKeyword(keyword); // clean precision-about
            logger.LogInformation("HELP from a guardian at {School}", guardian.School); // clean precision-names
            return Ok(new MessagingResponse().Message($"{guardian.School} absence line. Reply ILL or APPT, or call the office.").ToString());
        }

        if (keyword is not null && StandardKeywords.OptOut.Contains(keyword))
        {
            await suppression.AddAsync(new SuppressionEntry(guardian.Mobile, "sms", SuppressionReason.SmsStop, "absence-line", DateTimeOffset.UtcNow) { Group = "absence" });
            span.SetEdumsgKeyword(keyword).SetEdumsgOutcome("opted-out"); // clean precision-about
            logger.LogWarning("Guardian {Greeting} opted out of absence texts for {Pupil}", guardian.GreetingName, guardian.StudentPreferredName); // leak TC1001 direct
            _messages.Add(1, "sms", "inbound", "opted-out"); // clean precision-about
            return Ok(new MessagingResponse().ToString());
        }

        var reasonCode = inbound.Body.Trim().ToUpperInvariant() switch
        {
            "ILL" or "SICK" => "I",
            "APPT" or "APPOINTMENT" => "M",
            _ => "N",
        };
        await register.RecordReasonAsync(guardian.StudentNumber, DateOnly.FromDateTime(DateTime.UtcNow), reasonCode, inbound.Body);
        _reasons.Add(1, new KeyValuePair<string, object?>("reason", reasonCode), new KeyValuePair<string, object?>("school", guardian.School)); // clean precision-about
        span.SetEdumsgOutcome(reasonCode == "N" ? "free-text" : "coded"); // clean precision-about

        if (reasonCode == "N")
        {
            LogFreeTextReason(logger, guardian.School, inbound.Body.Length); // clean precision-about
            LogReasonText(logger, guardian.StudentNumber, inbound.Body); // leak TC1001 cross-member
            Activity.Current?.AddEvent(new ActivityEvent("absence.free_text", tags: new ActivityTagsCollection { ["absence.text"] = inbound.Body })); // leak TC1001 strings
        }

        var ack = $"Thank you. {guardian.StudentPreferredName}'s absence today is recorded.";
        span.SetEdumsgNote(ack); // leak TC1001 generated-api
        logger.LogDebug("Acknowledgement of {Segments} segment(s) returned", ack.Length / 160 + 1); // clean precision-about
        return Ok(new MessagingResponse().Message(ack).ToString());
    }

    [LoggerMessage(EventId = 5201, Level = LogLevel.Information, Message = "Free-text absence reason at {School}, {Length} characters")]
    private static partial void LogFreeTextReason(ILogger logger, string school, int length);

    [LoggerMessage(EventId = 5202, Level = LogLevel.Debug, Message = "Absence reason for {StudentNumber}: {Text}")]
    private static partial void LogReasonText(ILogger logger, string studentNumber, string text);
}
