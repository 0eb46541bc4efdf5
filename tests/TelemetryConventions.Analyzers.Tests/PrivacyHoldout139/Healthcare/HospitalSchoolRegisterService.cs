namespace PrivacyHoldout139.Healthcare;

public sealed record InpatientPupil(string HospitalNumber, string NhsNumber, string Upn, string GivenName, string Ward, string HomeSchoolUrn, DateOnly AdmittedOn);

public sealed record LessonMark(string Upn, string Ward, string Session, bool Taught, string? ReasonNotTaughtCode);

/// <summary>
/// The children's hospital school: teachers on the wards mark who was taught each session; the marks go to the
/// home schools as code B (educated off site), and long stays are flagged to the home school's attendance lead.
/// </summary>
public sealed class HospitalSchoolRegisterService(
    IMisClient homeSchoolMis,
    Pseudonymizer pseudonymizer,
    ILogger<HospitalSchoolRegisterService> logger)
{
    private static readonly ActivitySource Source = new("ChildrensHospital.School");
    private static readonly Meter Meter = new("ChildrensHospital.School");
    private static readonly Counter<long> Sessions = Meter.CreateCounter<long>("hospital_school.sessions");

    private InpatientPupil? _longestStay;

    public async Task SendMarksAsync(string ward, string teacherStaffCode, IReadOnlyList<(InpatientPupil Pupil, LessonMark Mark)> marks, CancellationToken ct)
    {
        using var span = Source.StartHospschoolOperation(ward)
            .SetHospschoolTeacherId(pseudonymizer.PseudonymizeHospschoolTeacherId(teacherStaffCode)) // clean generated-api
            .SetHospschoolPupilCount(marks.Count); // clean precision-about
        logger.LogInformation("Ward {Ward} register taken by {Teacher}", ward, teacherStaffCode); // leak TC1001 direct

        foreach (var group in marks.GroupBy(m => m.Pupil.HomeSchoolUrn))
        {
            var written = group.Select(m => new AttendanceMark(m.Pupil.Upn, DateOnly.FromDateTime(DateTime.Today), m.Mark.Session, m.Mark.Taught ? AttendanceCodes.EducatedOffSite : AttendanceCodes.Medical, null)).ToList();
            try
            {
                await homeSchoolMis.WriteMarksAsync(group.Key, written, ct);
                Sessions.Add(written.Count, new KeyValuePair<string, object?>("ward", ward), new KeyValuePair<string, object?>("home_school", group.Key)); // clean precision-names
            }
            catch (PupilNotFoundException ex)
            {
                logger.LogSchoolLiaisonFailed(ward, "unknown-upn", ex.Message); // leak TC1001 generated-api
                span.RecordException(ex); // clean exceptions
                span.Activity?.SetStatus(ActivityStatusCode.Error, "home school rejected a mark"); // clean exceptions
            }
            catch (MisRateLimitedException ex)
            {
                logger.LogWarning("Home school {Urn} throttled us: {Message}", group.Key, ex.Message); // clean exceptions
            }
        }

        var notTaught = marks.Where(m => !m.Mark.Taught).ToList();
        span.Activity?.SetTag("hospital_school.not_taught.reasons", notTaught.Select(m => m.Mark.ReasonNotTaughtCode ?? "unspecified").Distinct().ToArray()); // clean precision-about
        logger.LogInformation("Not taught today: {Pupils}", string.Join(", ", notTaught.Select(m => m.Pupil.GivenName + " on " + m.Pupil.Ward))); // leak TC1001 strings
        _longestStay = marks.Select(m => m.Pupil).MaxBy(p => DateOnly.FromDateTime(DateTime.Today).DayNumber - p.AdmittedOn.DayNumber);
    }

    public void FlagLongStay()
    {
        if (_longestStay is null)
        {
            return;
        }
        var days = DateOnly.FromDateTime(DateTime.Today).DayNumber - _longestStay.AdmittedOn.DayNumber;
        Activity.Current?.SetTag("hospital_school.longest_stay.days", days); // clean precision-about
        Activity.Current?.SetTag("hospital_school.longest_stay.nhs", _longestStay.NhsNumber); // leak TC1001 cross-member
        logger.LogInformation("Longest stay {Days} days for pupil {Pupil}", days, pseudonymizer.ComputeHospschoolPupilId(_longestStay.Upn)); // clean precision-pseudonym
        logger.LogInformation("Longest stay: {Inpatient}", _longestStay); // leak TC1001 logging-objects
    }
}

internal static class HospitalSchoolLogging
{
    public static void LogSchoolLiaisonFailed(this ILogger logger, string ward, string outcome, string note) =>
        logger.LogHospschoolLiaisonFailedEvent(ward, outcome, hospschoolNote: note);
}
