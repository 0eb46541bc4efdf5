namespace PrivacyHoldout66.Education;

public sealed record RegisterMark(string StudentNumber, string StudentName, string CourseCode, string SessionId, string Campus, bool Present, string? AbsenceNote);

/// <summary>
/// Keeps the day's attendance in memory and exposes it as observable instruments: the college's
/// attendance dashboard scrapes them every minute.
/// </summary>
public sealed class AttendanceBoard : IDisposable
{
    private readonly Meter _meter;
    private readonly ConcurrentDictionary<string, CourseAttendance> _byCourse = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, int> _absencesByStudent = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<RegisterMark> _pendingNotes = new();
    private readonly UpDownCounter<int> _onSite;
    private readonly ILogger<AttendanceBoard> _logger;
    private long _registersTaken;

    public AttendanceBoard(IMeterFactory meterFactory, ILogger<AttendanceBoard> logger)
    {
        _logger = logger;
        _meter = meterFactory.Create("College.Attendance");
        _onSite = _meter.CreateUpDownCounter<int>("attendance.on_site", "{student}");
        _meter.CreateObservableCounter("attendance.registers", () => Interlocked.Read(ref _registersTaken), "{register}");
        _meter.CreateObservableGauge("attendance.rate", ObserveRates, "1");
        _meter.CreateObservableGauge("attendance.absences", ObserveAbsences, "{session}");
        _meter.CreateObservableGauge("attendance.notes.pending", () => new Measurement<int>(_pendingNotes.Count, new KeyValuePair<string, object?>("queue", "absence-notes"))); // clean direct
        _meter.CreateObservableGauge("attendance.notes.oldest", () => _pendingNotes.TryPeek(out var oldest) ? [new Measurement<int>(1, new KeyValuePair<string, object?>("student", oldest.StudentNumber))] : Array.Empty<Measurement<int>>()); // leak TC1003 cross-member
    }

    public void Record(RegisterMark mark)
    {
        Interlocked.Increment(ref _registersTaken);
        var course = _byCourse.GetOrAdd(mark.CourseCode, _ => new CourseAttendance());
        course.Add(mark.Present);
        if (!mark.Present)
        {
            _absencesByStudent.AddOrUpdate(mark.StudentNumber, 1, (_, n) => n + 1);
            if (mark.AbsenceNote is not null)
            {
                _pendingNotes.Enqueue(mark);
                _logger.LogInformation("Absence note for {Course} session {Session}: {Note}", mark.CourseCode, mark.SessionId, mark.AbsenceNote); // leak TC1001 strings
            }
        }
    }

    public void Arrived(RegisterMark mark) =>
        _onSite.Add(1, new KeyValuePair<string, object?>("campus", mark.Campus));

    public void Left(RegisterMark mark) =>
        _onSite.Add(-1, new KeyValuePair<string, object?>("campus", mark.Campus), new KeyValuePair<string, object?>("student.name", mark.StudentName)); // leak TC1003 direct

    private IEnumerable<Measurement<double>> ObserveRates() =>
        _byCourse.Select(kv => new Measurement<double>(kv.Value.Rate, new KeyValuePair<string, object?>("course", kv.Key))); // clean direct

    private IEnumerable<Measurement<int>> ObserveAbsences()
    {
        foreach (var (studentNumber, absences) in _absencesByStudent.Where(kv => kv.Value >= 3))
        {
            yield return new Measurement<int>(absences, new KeyValuePair<string, object?>("student", studentNumber)); // leak TC1003 cross-member
        }
        yield return new Measurement<int>(_absencesByStudent.Count(kv => kv.Value >= 3), new KeyValuePair<string, object?>("student", "persistent_total")); // clean precision-about
    }

    public void Dispose() => _meter.Dispose();

    private sealed class CourseAttendance
    {
        private int _present;
        private int _total;

        public double Rate => _total == 0 ? 1 : (double)_present / _total;

        public void Add(bool present)
        {
            Interlocked.Increment(ref _total);
            if (present)
            {
                Interlocked.Increment(ref _present);
            }
        }
    }
}
