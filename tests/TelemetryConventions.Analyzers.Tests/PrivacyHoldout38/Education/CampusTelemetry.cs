namespace PrivacyHoldout38.Education;

/// <summary>The learning platform team's logging helpers, as C# 14 extension blocks.</summary>
public static class CampusTelemetry
{
    extension(ILogger logger)
    {
        public void GradePublished(string courseCode, string studentNumber, decimal mark) =>
            logger.LogInformation("Grade {Mark} published for {StudentNumber} on {Course}", mark, studentNumber, courseCode); // leak TC1001 direct

        public void ClassPublished(string courseCode, int learners, decimal average) =>
            logger.LogInformation("Grades for {Course} published: {Learners} learners, average {Average}", courseCode, learners, average); // clean direct
    }

    extension(Learner learner)
    {
        public string Salutation => $"{learner.DisplayName} ({learner.YearGroup})";

        public bool HasGuardianMobile => learner.Guardian.Mobile is not null;
    }

    extension(string email)
    {
        public string MailDomain => email[(email.IndexOf('@') + 1)..];
    }
}
