namespace PrivacyHoldout38.Education;

public sealed record Absence(string StudentNumber, string LessonCode, string ReasonCode, bool Authorised);

public sealed class AttendanceService(ILogger<AttendanceService> logger, Meter meter, Pseudonymizer pseudonymizer, ILearnerDirectory learners)
{
    private readonly Counter<long> _absences = meter.CreateCounter<long>("attendance.absences", "{absence}");

    public void Record(string yearGroup, params List<Absence> absences)
    {
        foreach (var absence in absences)
        {
            _absences.Add(1, new("attendance.year_group", yearGroup), new("attendance.authorised", absence.Authorised)); // clean direct
            _absences.Add(1, new("attendance.year_group", yearGroup), new("attendance.student", absence.StudentNumber)); // leak TC1003 direct
            _absences.Add(1, new KeyValuePair<string, object?>("attendance.student_ref", pseudonymizer.ComputePartyRef(absence.StudentNumber))); // leak TC1003 precision-pseudonym

            var entry = new AbsenceLogEntry(absence.StudentNumber, absence.LessonCode, absence.ReasonCode);
            logger.LogInformation("Absence recorded: {Entry}", entry); // leak TC1001 logging-objects
        }

        var summary = new AbsenceSummary(yearGroup, absences.Count(a => !a.Authorised), absences.Count(a => a.ReasonCode == "L"));
        logger.LogInformation("Absences for the day: {Summary}", summary); // clean logging-objects
    }

    public async Task FlagPersistentAsync(string studentNumber, int absencesThisTerm, CancellationToken cancellationToken)
    {
        if (absencesThisTerm < 10 || await learners.FindAsync(studentNumber, cancellationToken) is not { } learner)
        {
            return;
        }

        logger.LogPartyFlaggedEvent($"{absencesThisTerm} absences this term", partyRole: "student", partyRef: pseudonymizer.PseudonymizePartyRef(studentNumber)); // clean generated-api
        logger.LogPartyFlaggedEvent($"persistent absence: {learner.DisplayName} in {learner.YearGroup}", partyRole: "student"); // leak TC1001 generated-api
    }
}

file sealed record AbsenceLogEntry(string StudentNumber, string LessonCode, string ReasonCode);

file readonly record struct AbsenceSummary(string YearGroup, int Unauthorised, int Late);
