namespace PrivacyHoldout65.Education;

public sealed record Student(string StudentNumber, string PreferredName, string YearGroup, string Campus, bool HasSupportPlan);

public sealed record Guardian(string Name, string Email, string Mobile, string Relationship);

public enum Mark
{
    Present,
    Absent,
    Late,
}

public sealed record RegisterEntry(Student Student, Mark Mark, int MinutesLate);

/// <summary>Tags for a student on attendance log records: the year group and campus, never the student.</summary>
internal static class StudentTags
{
    public static void AddCohort(ITagCollector collector, Student student)
    {
        collector.Add("student.year_group", student.YearGroup); // clean precision-about
        collector.Add("student.campus", student.Campus); // clean precision-about
        collector.Add("student.support_plan", student.HasSupportPlan); // clean precision-about
    }
}

/// <summary>Tags for the guardian notified about an absence, written for the safeguarding team's dashboard.</summary>
internal static class GuardianTags
{
    public static void AddContact(ITagCollector collector, Guardian guardian)
    {
        collector.Add("guardian.relationship", guardian.Relationship); // clean precision-about
        collector.Add("guardian.email", guardian.Email); // leak TC1001 direct
        collector.Add("guardian.has_mobile", guardian.Mobile.Length > 0); // clean precision-about
    }
}

/// <summary>The attendance service's log messages (event ids 2200–2249).</summary>
internal static partial class AttendanceLog
{
    [LoggerMessage(EventId = 2201, EventName = "MarkRecorded", Level = LogLevel.Information, Message = "Mark {Mark} recorded in session {Session}")]
    public static partial void MarkRecorded(this ILogger logger, Mark mark, string session, [TagProvider(typeof(StudentTags), nameof(StudentTags.AddCohort))] Student student);

    [LoggerMessage(EventId = 2202, EventName = "GuardianNotified", Level = LogLevel.Information, Message = "Guardian notified of absence in {Session}")]
    public static partial void GuardianNotified(this ILogger logger, string session, [TagProvider(typeof(GuardianTags), nameof(GuardianTags.AddContact))] Guardian guardian);

    [LoggerMessage(EventId = 2203, EventName = "LateArrival", Level = LogLevel.Information, Message = "{StudentName} arrived {MinutesLate} minutes late to {Session}")]
    public static partial void LateArrival(this ILogger logger, string studentName, int minutesLate, string session);

    [LoggerMessage(EventId = 2204, EventName = "RegisterClosed", Level = LogLevel.Information, Message = "Register {Session} closed: {Present} present, {Absent} absent")]
    public static partial void RegisterClosed(this ILogger logger, string session, int present, int absent);

    [LoggerMessage(EventId = 2205, EventName = "AbsentStudents", Level = LogLevel.Warning, Message = "Absent from {Session}: {StudentNumbers}")]
    public static partial void AbsentStudents(this ILogger logger, string session, IEnumerable<string> studentNumbers);

    [LoggerMessage(EventId = 2206, EventName = "UnknownStudent", Level = LogLevel.Warning, Message = "Register entry rejected")]
    public static partial void UnknownStudent(this ILogger logger, Exception exception);

    [LoggerMessage(EventId = 2207, EventName = "EntryImported", Level = LogLevel.Debug, Message = "Register entry imported")]
    public static partial void EntryImported(this ILogger logger, [LogProperties] RegisterEntry entry);

    [LoggerMessage(EventId = 2208, EventName = "StudentRegistered", Level = LogLevel.Information, Message = "Student {StudentRef} registered in {Session}")]
    public static partial void StudentRegistered(this ILogger logger, string studentRef, string session);
}
