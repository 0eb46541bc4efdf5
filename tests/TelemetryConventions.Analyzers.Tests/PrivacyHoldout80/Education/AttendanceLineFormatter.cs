namespace PrivacyHoldout80.Education;

/// <summary>A room and a timetable slot, formatted without allocating: <c>B204@P3</c>.</summary>
public readonly struct RoomSlot(string room, int period) : ISpanFormattable
{
    public string Room { get; } = room;

    public int Period { get; } = period;

    public bool TryFormat(Span<char> destination, out int charsWritten, ReadOnlySpan<char> format, IFormatProvider? provider) =>
        destination.TryWrite($"{Room}@P{Period}", out charsWritten);

    public string ToString(string? format, IFormatProvider? formatProvider) => $"{Room}@P{Period}";

    public override string ToString() => ToString(null, null);
}

/// <summary>A student in an attendance line: prints the student number, as the registers show it.</summary>
public readonly struct StudentRef(string studentNumber, string cohort) : ISpanFormattable
{
    public string StudentNumber { get; } = studentNumber;

    public string Cohort { get; } = cohort;

    public bool TryFormat(Span<char> destination, out int charsWritten, ReadOnlySpan<char> format, IFormatProvider? provider) =>
        destination.TryWrite($"{StudentNumber}/{Cohort}", out charsWritten);

    public string ToString(string? format, IFormatProvider? formatProvider) => $"{StudentNumber}/{Cohort}";

    public override string ToString() => ToString(null, null);
}

/// <summary>Builds the fixed-width attendance export lines with <see cref="string.Create{TState}"/> and TryFormat.</summary>
public sealed class AttendanceLineFormatter(ILogger<AttendanceLineFormatter> logger, Pseudonymizer pseudonymizer)
{
    private static readonly ActivitySource Source = new("Gatewire.Attendance");
    private static readonly Meter Meter = new("Gatewire.Attendance");
    private static readonly Counter<int> Lines = Meter.CreateCounter<int>("gatewire.attendance.lines");

    public string Format(StudentRef student, RoomSlot slot, DateTime swipedAt)
    {
        Span<char> buffer = stackalloc char[64];
        var position = 0;
        student.TryFormat(buffer, out var written, default, null);
        position += written;
        buffer[position++] = ';';
        slot.TryFormat(buffer[position..], out written, default, null);
        position += written;
        buffer[position++] = ';';
        swipedAt.TryFormat(buffer[position..], out written, "HHmm");
        position += written;
        var line = new string(buffer[..position]);

        using var activity = Source.StartActivity("attendance.format");
        activity?.SetTag("attendance.slot", slot.ToString()); // clean precision-about
        activity?.SetTag("attendance.line.length", position); // clean precision-about
        activity?.SetTag("attendance.line", line); // leak TC1001 strings
        logger.LogDebug("Attendance for {Student} in {Slot}", student, slot); // leak TC1001 logging-objects
        logger.LogDebug("Attendance for cohort {Cohort} in {Slot}", student.Cohort, slot); // clean precision-about
        Lines.Add(1, new KeyValuePair<string, object?>("room", slot.Room), new KeyValuePair<string, object?>("period", slot.Period)); // clean precision-about
        return line;
    }

    public string Header(int studentCount, string term) =>
        string.Create(24, (studentCount, term), static (span, state) =>
        {
            span.Fill(' ');
            state.term.AsSpan().CopyTo(span);
            state.studentCount.TryFormat(span[12..], out _, "D6");
        });

    public void LogExport(IReadOnlyList<StudentRef> students, string term)
    {
        var header = Header(students.Count, term);
        logger.LogInformation("Attendance export header {Header}", header); // clean precision-about
        logger.LogInformation("Attendance export for {Students}", students.Select(s => s.StudentNumber).ToArray()); // leak TC1001 logging-objects
        Activity.Current?.SetTag("attendance.students", pseudonymizer.ComputeGatewireStudentId(students[0].StudentNumber)); // clean precision-pseudonym
        Activity.Current?.SetTag("attendance.student_count", students.Count); // clean precision-names
    }
}
