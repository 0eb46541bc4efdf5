namespace PrivacyHoldout78.Education;

public sealed record StudentContext(string StudentNumber, string LegalName, string? PreferredName, string YearGroup, int AssignmentsDue);

/// <summary>
/// The greeting at the top of the student dashboard: time of day in the student's own time zone
/// (boarders and exchange students), the preferred name when one is set, and the assignments due.
/// </summary>
public sealed partial class DashboardGreeting(
    IStringLocalizer<DashboardGreeting> localizer,
    IPreferenceStore preferences,
    Pseudonymizer pseudonymizer,
    ActivitySource source,
    ILogger<DashboardGreeting> logger)
{
    public async Task<string> GreetAsync(StudentContext student, DateTimeOffset now, CancellationToken cancellationToken)
    {
        using var span = source.StartCampuscopyRender("dashboard.greeting");
        var prefs = await preferences.GetAsync(student.StudentNumber, cancellationToken);
        var zone = TimeZones.FindOrUtc(prefs?.TimeZoneId);
        var hour = TimeZoneInfo.ConvertTime(now, zone).Hour;
        var partOfDay = hour < 12 ? "Morning" : hour < 18 ? "Afternoon" : "Evening";
        var name = student.PreferredName ?? student.LegalName.Split(' ')[0];

        span.SetCampuscopyStudentId(pseudonymizer.PseudonymizeCampuscopyStudentId(student.StudentNumber)); // clean precision-pseudonym
        span.SetCampuscopyTimeZone(zone.Id); // clean precision-about
        span.SetCampuscopyCulture(prefs?.Culture ?? "en-GB"); // clean precision-about

        var greeting = localizer[$"Greeting.{partOfDay}", name];
        var due = localizer[student.AssignmentsDue == 1 ? "Due.One" : "Due.Other", student.AssignmentsDue];
        span.Activity?.SetTag("dashboard.greeting.key", greeting.Name); // clean precision-about
        span.Activity?.SetTag("dashboard.due.text", due.Value); // clean precision-about
        span.Activity?.SetTag("dashboard.greeting.text", greeting.Value); // leak TC1001 strings
        span.Activity!.DisplayName = $"greet {student.YearGroup} {partOfDay}"; // clean precision-about

        if (student.PreferredName is not null && student.PreferredName != student.LegalName.Split(' ')[0])
        {
            LogPreferredNameUsed(logger, student.StudentNumber, student.YearGroup); // leak TC1001 direct
        }
        if (greeting.ResourceNotFound)
        {
            logger.LogCampuscopyTranslationMissingEvent(greeting.Name, prefs?.Culture ?? "en-GB", campuscopyStudentId: pseudonymizer.PseudonymizeCampuscopyStudentId(student.StudentNumber)); // clean precision-pseudonym
        }
        return $"{greeting.Value} {due.Value}";
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Preferred name used for student {StudentNumber} in {YearGroup}")]
    private static partial void LogPreferredNameUsed(ILogger logger, string studentNumber, string yearGroup);
}
