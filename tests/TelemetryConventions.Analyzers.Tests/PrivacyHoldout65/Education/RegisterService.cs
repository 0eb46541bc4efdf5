namespace PrivacyHoldout65.Education;

public sealed class UnknownStudentException(string message) : Exception(message);

public interface IStudentDirectory
{
    Student? Find(string studentNumber);
}

/// <summary>Takes a session's register from the classroom tablets and records each mark.</summary>
public sealed class RegisterService(
    ILogger<RegisterService> logger,
    IStudentDirectory directory,
    Pseudonymizer pseudonymizer,
    ActivitySource source,
    Meter meter)
{
    private readonly AttendanceMarksCounter _marks = meter.CreateAttendanceMarksCounter();
    private readonly Counter<long> _lateArrivals = meter.CreateCounter<long>("attendance.late_arrivals", "{arrival}");

    public void TakeRegister(string session, string staffNumber, IReadOnlyList<(string StudentNumber, Mark Mark, int MinutesLate)> rows)
    {
        using var registerScope = logger.BeginScope("Register {Session} taken by {StaffNumber}", session, staffNumber); // leak TC1001 direct
        using var sessionScope = logger.BeginScope("Register {Session} with {RowCount} rows", session, rows.Count); // clean direct
        using var span = source.StartAttendanceProcess(session);

        var absent = new List<string>();
        foreach (var (studentNumber, mark, minutesLate) in rows)
        {
            var student = directory.Find(studentNumber);
            if (student is null)
            {
                logger.UnknownStudent(new UnknownStudentException($"Student {studentNumber} is not on the roll for {session}")); // leak TC1001 exceptions
                continue;
            }

            logger.MarkRecorded(mark, session, student); // clean logging-objects
            logger.StudentRegistered(pseudonymizer.ComputeAttendanceStudentId(student.StudentNumber), session); // clean precision-pseudonym
            logger.EntryImported(new RegisterEntry(student, mark, minutesLate)); // leak TC1001 logging-objects
            _marks.Add(1, session, ToMarkValue(mark)); // clean generated-api
            if (mark == Mark.Late)
            {
                logger.LateArrival(student.PreferredName, minutesLate, session); // leak TC1001 direct
                _lateArrivals.Add(1, new KeyValuePair<string, object?>("attendance.year_group", student.YearGroup)); // clean precision-about
                _lateArrivals.Add(1, new KeyValuePair<string, object?>("attendance.student", pseudonymizer.ComputeAttendanceStudentId(student.StudentNumber))); // leak TC1003 precision-pseudonym
            }
            else if (mark == Mark.Absent)
            {
                absent.Add(student.StudentNumber);
            }
        }

        logger.RegisterClosed(session, rows.Count - absent.Count, absent.Count); // clean precision-about
        logger.AbsentStudents(session, absent); // leak TC1001 logging-objects
        span.SetAttendanceOutcome(absent.Count == 0 ? "complete" : "absences"); // clean generated-api
        span.SetAttendanceNote($"{absent.Count} absent, first {absent.FirstOrDefault()}"); // leak TC1001 generated-api
    }

    private static AttendanceMarkValue ToMarkValue(Mark mark) => mark switch
    {
        Mark.Late => AttendanceMark.Late,
        Mark.Absent => AttendanceMark.Absent,
        _ => AttendanceMark.Present,
    };
}
