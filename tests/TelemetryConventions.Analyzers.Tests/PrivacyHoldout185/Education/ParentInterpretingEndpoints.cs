namespace PrivacyHoldout185.Education;

/// <summary>The council's school interpreting service: interpreters for parents' meetings and translated letters home.</summary>
public static partial class ParentInterpretingEndpoints
{
    private static readonly ActivitySource Source = new("Council.SchoolInterpreting");
    private static readonly Meter Meter = new("Council.SchoolInterpreting");
    private static readonly Counter<long> Meetings = Meter.CreateCounter<long>("school_interpreting.meetings");
    private static readonly Histogram<int> LetterPages = Meter.CreateHistogram<int>("school_interpreting.letter_pages");
    private static readonly ParentlinkOperationsCounter Operations = Meter.CreateParentlinkOperationsCounter();

    public static void Map(EndpointRoutes routes)
    {
        routes.MapPost("/parent-meetings", BookMeetingAsync);
        routes.MapPost("/letters", TranslateLetter);
    }

    private static void TagParent(Activity? activity, string key, string value) =>
        activity?.SetTag("school_interpreting." + key, value); // leak TC1001 direct

    internal static async Task<ActionResult> BookMeetingAsync(ParentMeetingBooking booking, IInterpretingAgency agency, Pseudonymizer pseudonymizer, TelemetrySecrets secrets, ILogger<ParentMeetingBooking> logger)
    {
        using var span = Source.StartParentlinkOperation(booking.School);
        span.SetParentlinkLanguage(booking.Language); // clean precision-names
        span.SetParentlinkClientId(pseudonymizer.PseudonymizeParentlinkClientId(booking.Upn)); // clean precision-pseudonym
        span.SetParentlinkNote("Meeting with " + booking.ParentName + " about " + booking.PupilName); // leak TC1001 generated-api
        span.SetParentlinkNote("Parents' evening, " + booking.Language); // clean generated-api
        span.SetParentlinkMinutes(20); // clean generated-api

        var activity = span.Activity;
        TagParent(activity, "school", booking.School); // clean cross-member
        TagParent(activity, "parent_email", booking.ParentEmail); // leak TC1001 cross-member
        TagParent(activity, "language", booking.Language); // clean cross-member
        activity?.SetTag("school_interpreting.upn", booking.Upn); // leak TC1001 direct
        activity?.SetTag("school_interpreting.parent_email_domain", booking.ParentEmail.Split('@')[1]); // clean precision-about
        activity?.SetTag("school_interpreting.parent_email", booking.ParentEmail); // leak TC1001 direct
        activity?.SetTag("school_interpreting.pupil_name_parts", booking.PupilName.Split(' ').Length); // clean precision-about
        activity?.SetTag("school_interpreting.booking_id", booking.BookingId); // clean precision-names
        activity?.SetTag(ParentlinkAttributes.Contact, booking.ParentEmail); // leak TC1001 generated-api
        activity?.SetTag(ParentlinkAttributes.Contact, "[not given]"); // clean generated-api
        activity?.SetTag("school_interpreting.pupil", $"{booking.PupilName} ({booking.Upn})"); // leak TC1001 strings
        activity?.SetTag("school_interpreting.summary", $"{booking.School}:{booking.Language}"); // clean strings
        activity?.SetBaggage("parent.email", booking.ParentEmail); // leak TC1001 direct
        activity?.SetBaggage("pupil.pseudonym", pseudonymizer.ComputeParentlinkClientId(booking.Upn)); // clean precision-pseudonym

        Meetings.Add(1, new TagList { { "school", booking.School }, { "language", booking.Language } }); // clean precision-names
        Meetings.Add(1, new TagList { { "upn", booking.Upn } }); // leak TC1003 direct
        var lane = HMACSHA256.HashData(secrets.ShardKey, Encoding.UTF8.GetBytes(booking.Upn))[0] % 8;
        Meetings.Add(1, new TagList { { "lane", lane } }); // clean hashes
        var md5 = new Guid(MD5.HashData(Encoding.UTF8.GetBytes(booking.Upn)));
        activity?.SetTag("school_interpreting.pupil_key", md5.ToString()); // leak TC1002 hashes
        activity?.SetTag("school_interpreting.parent_key", HashCode.Combine(booking.ParentEmail, booking.School)); // leak TC1002 hashes

        logger.LogInformation("Parent meeting {BookingId} at {School} in {Language}", booking.BookingId, booking.School, booking.Language); // clean precision-names
        logger.LogInformation("Parent meeting booked: {Booking}", booking); // leak TC1001 logging-objects
        logger.LogInformation("Parent meeting for {ParentName}", booking.ParentName); // leak TC1001 direct
        logger.LogDebug("Parent meeting copy {Booking}", booking with { Upn = "", PupilName = "", ParentName = "", ParentEmail = "" }); // clean logging-objects
        logger.LogDebug("Parent meeting copy {Booking}", booking with { ParentEmail = "" }); // leak TC1001 logging-objects
        LogParentContact(logger, booking.BookingId, booking.ParentEmail); // clean logging-objects
        LogParentContactPlain(logger, booking.BookingId, booking.ParentEmail); // leak TC1001 logging-objects

        try
        {
            var match = await agency.FindInterpreterAsync(new InterpreterBooking(booking.BookingId, booking.Upn, booking.ParentName, booking.Language, "", "face-to-face", booking.School, DateTime.UtcNow, 20, null));
            activity?.SetTag("school_interpreting.outcome", match.Outcome); // clean precision-about
            Operations.Add(1, booking.School, match.Outcome); // clean generated-api
        }
        catch (InterpreterDeclinedException ex)
        {
            logger.LogWarning(ex, "Interpreter declined meeting {BookingId}", booking.BookingId); // leak TC1001 exceptions
            span.RecordException(ex); // clean exceptions
            activity?.AddEvent(new ActivityEvent("declined", tags: new ActivityTagsCollection { ["exception.message"] = ex.Message })); // leak TC1001 exceptions
            activity?.AddTag("error.type", ex.GetType().FullName); // clean exceptions
            span.SetParentlinkNote(ex.Message); // leak TC1001 generated-api
        }
        catch (AgencyUnavailableException ex)
        {
            logger.LogError(ex, "Agency down for {School}", booking.School); // clean exceptions
            span.SetParentlinkNote(ex.Message); // clean generated-api
        }

        return new OkResult(booking.BookingId);
    }

    internal static ActionResult TranslateLetter(TranslatedLetter letter, ILogger<TranslatedLetter> logger)
    {
        using var activity = Source.StartActivity("school_interpreting.letter");
        activity?.SetTag("school_interpreting.letter_id", letter.LetterId); // clean precision-names
        activity?.SetTag("school_interpreting.letter_language", letter.Language); // clean precision-names
        LetterPages.Record(letter.Pages, new KeyValuePair<string, object?>("school", letter.School)); // clean precision-names
        logger.LogInformation("Letter translated: {Letter}", letter); // clean logging-objects
        logger.LogInformation("Letter {@Letter}", letter); // clean logging-objects
        return new OkResult(null);
    }

    [LoggerMessage(EventId = 5201, Level = LogLevel.Information, Message = "Meeting {BookingId}: confirmation sent to {ParentEmail}")]
    private static partial void LogParentContact(ILogger logger, string bookingId, [PrivateData] string parentEmail);

    [LoggerMessage(EventId = 5202, Level = LogLevel.Information, Message = "Meeting {BookingId}: confirmation sent to {ParentEmail}")]
    private static partial void LogParentContactPlain(ILogger logger, string bookingId, string parentEmail);
}
