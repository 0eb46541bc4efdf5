namespace PrivacyHoldout38.Education;

public sealed class GradebookService(ActivitySource source, ILogger<GradebookService> logger, ILearnerDirectory learners, Pseudonymizer pseudonymizer)
{
    private const string GradesQuery = """
        SELECT g.student_number, g.mark
        FROM grades g
        WHERE g.course_code = @course AND g.published = 0
        """;

    public async Task PublishAsync(string courseCode, IReadOnlyList<GradeEntry> grades, CancellationToken cancellationToken)
    {
        using var activity = source.StartActivity("gradebook.publish");
        activity?.SetTag("db.query.text", GradesQuery); // clean precision-names

        foreach (var grade in grades)
        {
            logger.GradePublished(courseCode, grade.StudentNumber, grade.Mark); // leak TC1001 cross-member

            var payload = $$"""{ "student": "{{grade.StudentNumber}}", "course": "{{courseCode}}", "mark": {{grade.Mark}} }""";
            activity?.AddEvent(new ActivityEvent("gradebook.outbound", tags: [new("lms.payload", payload)])); // leak TC1001 strings
        }

        logger.ClassPublished(courseCode, grades.Count, grades.Average(g => g.Mark)); // clean cross-member

        var top = grades.MaxBy(g => g.Mark)!;
        logger.LogInformation("Top of {Course}: {Top}", courseCode, (top.StudentNumber, top.Mark)); // leak TC1001 logging-objects
        var (best, worst) = (grades.Max(g => g.Mark), grades.Min(g => g.Mark));
        logger.LogInformation("Mark range on {Course}: {Range}", courseCode, (best, worst)); // clean logging-objects

        if (await learners.FindAsync(top.StudentNumber, cancellationToken) is { } learner)
        {
            string[] recipients = [learner.Guardian.Email, .. learner.ExtraContacts];
            logger.LogInformation("Sending the certificate to {Recipients}", recipients); // leak TC1001 logging-objects
            logger.LogInformation("Sending the certificate to {RecipientCount} contacts at {Domain}", recipients.Length, learner.Guardian.Email.MailDomain); // clean precision-about
            logger.LogInformation("Certificate for {Learner}", learner.Salutation); // leak TC1001 cross-member
            activity?.SetTag("learner.campus", learner.CampusCode); // clean precision-about
            activity?.SetTag(PartyAttributes.Ref, pseudonymizer.ComputePartyRef(learner.StudentNumber)); // clean precision-pseudonym
        }
    }
}
