namespace PrivacyHoldout189.Education;

public sealed record FamilyLearningBooking(string BookingId, string CourseCode, string LearnerPrisonNumber, string LearnerName, string ChildName, string ParentEmail, DateTime Session);

public sealed record CourseEnrolment(string EnrolmentId, string CourseCode, string PrisonNumber, string Level, int Hours);

public sealed record CourseRoll(string CourseCode, string Classroom, int Enrolled, int Waiting);

public static partial class FamilyLearningEndpoints
{
    private static readonly ActivitySource Source = new("PrivacyHoldout189.Education.FamilyLearning");
    private static readonly Meter LearningMeter = new("PrivacyHoldout189.Education.FamilyLearning");
    private static readonly Counter<long> Bookings = LearningMeter.CreateCounter<long>("learnwing.family.bookings");
    private static (string Child, string Course) _lastFamilyBooking = ("", "");

    public static void Map(EndpointRoutes routes)
    {
        routes.MapPost("/education/family-learning", BookFamilySession);
        routes.MapPost("/education/enrolments", Enrol);
        routes.MapGet("/education/courses/{code}", Roll);
    }

    private static async Task<ActionResult> BookFamilySession(
        FamilyLearningBooking booking,
        IVisitsBookingStore visits,
        Pseudonymizer pseudonymizer,
        EstablishmentOptions options,
        ILogger<FamilyLearningBooking> logger,
        CancellationToken cancellationToken)
    {
        using var activity = Source.StartActivity("learnwing.family.book");
        activity?.SetTag("learnwing.booking.id", booking.BookingId); // clean precision-names
        activity?.SetTag("learnwing.course.code", booking.CourseCode); // clean precision-names
        activity?.SetTag("learnwing.learner", booking.LearnerPrisonNumber); // leak TC1001 direct
        activity?.SetTag("learnwing.child", booking.ChildName); // leak TC1001 direct
        activity?.SetTag("learnwing.parent.email_domain", booking.ParentEmail.Split('@')[1]); // clean precision-about
        activity?.SetTag("learnwing.session.day", booking.Session.DayOfWeek.ToString()); // clean precision-about
        activity?.AddBaggage("learnwing.learner", pseudonymizer.ComputeLearnwingPrisonerId(booking.LearnerPrisonNumber)); // clean precision-pseudonym
        activity?.AddBaggage("learnwing.parent", booking.ParentEmail); // leak TC1001 direct

        var approved = await visits.ApprovedVisitorsAsync(booking.LearnerPrisonNumber, cancellationToken);
        activity?.SetTag("learnwing.approved_visitors.count", approved.Count); // clean precision-about
        var visitorNames = string.Join(", ", approved.Select(v => v.FullName));
        activity?.SetTag("learnwing.approved_visitors", visitorNames); // leak TC1001 strings
        activity?.SetTag("learnwing.relationships", string.Join(",", approved.Select(v => v.Relationship).Distinct())); // clean strings

        if (approved.All(v => v.FullName != booking.ChildName))
        {
            var banned = new VisitorBannedException(booking.ChildName);
            logger.LogWarning(banned, "Family session refused"); // leak TC1001 exceptions
            activity?.SetStatus(ActivityStatusCode.Error, banned.GetType().Name); // clean exceptions
            return new BadRequestResult("child not on the approved visitors list");
        }

        _lastFamilyBooking = (booking.ChildName, booking.CourseCode);
        logger.LogInformation("Family booking {Booking}", booking); // leak TC1001 logging-objects
        logger.LogInformation("Family booking {@Booking}", new { booking.BookingId, booking.CourseCode, booking.Session }); // clean logging-objects
        logger.LogInformation("Family booking {@Booking}", new { booking.BookingId, Parent = booking.ParentEmail }); // leak TC1001 logging-objects
        LogFamilyBooked(logger, booking.BookingId, booking.LearnerName); // clean precision-names

        Bookings.Add(1, new KeyValuePair<string, object?>("course", booking.CourseCode)); // clean precision-names
        Bookings.Add(1, new KeyValuePair<string, object?>("learner", booking.LearnerPrisonNumber)); // leak TC1003 direct
        Bookings.Add(1, new KeyValuePair<string, object?>("establishment", options.EstablishmentCode)); // clean precision-names
        return new OkResult(booking.BookingId);
    }

    private static ActionResult Enrol(
        CourseEnrolment enrolment,
        Pseudonymizer pseudonymizer,
        TelemetrySecrets secrets,
        EstablishmentOptions options,
        ILogger<CourseEnrolment> logger)
    {
        var learner = pseudonymizer.PseudonymizeLearnwingPrisonerId(enrolment.PrisonNumber);
        using var span = Source.StartLearnwingOperation(options.EstablishmentCode);
        span.SetLearnwingPrisonerId(learner); // clean generated-api
        span.SetLearnwingKind("enrol"); // clean generated-api
        span.SetLearnwingItems(enrolment.Hours); // clean generated-api
        span.SetLearnwingNote($"{enrolment.CourseCode} level {enrolment.Level}"); // clean generated-api
        span.SetLearnwingNote($"enrolled {enrolment.PrisonNumber} on {enrolment.CourseCode}"); // leak TC1001 generated-api
        Activity.Current?.SetTag(LearnwingAttributes.Contact, enrolment.PrisonNumber + "@learners.example"); // leak TC1001 generated-api
        LearningMeter.CreateLearnwingOperationsCounter().Add(1, options.EstablishmentCode, "approved"); // clean generated-api
        LearningMeter.CreateLearnwingOperationDurationHistogram().Record(0.2, options.EstablishmentCode); // clean generated-api

        var cohort = BitConverter.ToUInt16(HMACSHA256.HashData(secrets.PseudonymKey, Encoding.UTF8.GetBytes(enrolment.PrisonNumber))) % 8;
        Activity.Current?.SetTag("learnwing.cohort", cohort); // clean hashes
        Bookings.Add(1, new KeyValuePair<string, object?>("cohort", cohort)); // clean hashes
        var md5 = Convert.ToHexString(MD5.HashData(Encoding.UTF8.GetBytes(enrolment.PrisonNumber)));
        logger.LogInformation("Enrolment key {Key}", md5); // leak TC1002 hashes
        Activity.Current?.SetTag("learnwing.enrolment.id", enrolment.EnrolmentId); // clean precision-names
        logger.LogInformation("Enrolment {@Enrolment}", enrolment); // leak TC1001 logging-objects
        logger.LogInformation("Enrolment {Enrolment}", enrolment with { PrisonNumber = learner.ToString() }); // clean logging-objects
        return new OkResult(null);
    }

    private static ActionResult Roll(string code, CourseRoll roll, string courseRepPrisonNumber, Pseudonymizer pseudonymizer, ILogger<CourseRoll> logger)
    {
        using var activity = Source.StartActivity("learnwing.roll");
        logger.LogInformation("Course roll {@Roll}", roll); // clean logging-objects
        activity?.SetTag("learnwing.classroom", roll.Classroom); // clean precision-names
        activity?.SetTag("learnwing.waiting", roll.Waiting); // clean precision-about
        var summary = new StringBuilder().Append(code).Append(": ").Append(roll.Enrolled).Append(" enrolled").ToString();
        activity?.SetTag("learnwing.summary", summary); // clean strings
        var learnerPseudonym = pseudonymizer.PseudonymizeLearnwingPrisonerId(courseRepPrisonNumber);
        Bookings.Add(1, new KeyValuePair<string, object?>("course_rep", learnerPseudonym.Value)); // leak TC1003 precision-pseudonym
        activity?.SetTag("learnwing.course_rep", learnerPseudonym); // clean precision-pseudonym
        activity?.SetTag("learnwing.last_family_booking", $"{_lastFamilyBooking.Child} with {_lastFamilyBooking.Course}"); // leak TC1001 cross-member
        logger.LogInformation("Course {Code} rep {Rep}", code, string.Format("{0}/{1}", courseRepPrisonNumber, roll.Classroom)); // leak TC1001 strings
        return new OkResult(roll);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Family booking {BookingId} for learner {LearnerName}")]
    private static partial void LogFamilyBooked(ILogger logger, string bookingId, [PrivateData] string learnerName);
}
