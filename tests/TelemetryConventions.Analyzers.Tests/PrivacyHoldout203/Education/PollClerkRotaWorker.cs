namespace PrivacyHoldout203.Education;

/// <summary>A council's worker that fills polling station posts from teachers who volunteered, reading shifts from a queue.</summary>
public sealed partial class PollClerkRotaWorker(
    IQueueReceiver<PollClerkShift> shifts,
    IElectoralRegister register,
    Pseudonymizer pseudonymizer,
    ILogger<PollClerkRotaWorker> logger) : BackgroundService
{
    private static readonly ActivitySource Source = new("Council.PollClerkRota");
    private static readonly Meter Meter = new("Council.PollClerkRota");
    private static readonly Counter<long> ShiftsFilled = Meter.CreateCounter<long>("council.poll_clerk.shifts");

    private readonly List<string> _teachersOnShift = new();
    private string _lastStation = "";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var shift = await shifts.ReceiveAsync(stoppingToken);
            if (shift is null)
            {
                continue;
            }

            using var activity = Source.StartActivity("poll_clerk.shift");
            activity?.SetTag("shift.id", shift.ShiftId); // clean precision-about
            activity?.SetTag("shift.school_id", shift.SchoolId); // clean precision-about
            activity?.SetTag("shift.station_id", shift.StationId); // clean precision-about
            activity?.SetTag("shift.role", shift.Role); // clean precision-about
            activity?.SetTag("shift.teacher_staff_id", shift.TeacherStaffId); // leak TC1001 direct
            activity?.SetTag("shift.teacher", shift.TeacherName); // leak TC1001 direct
            activity?.SetTag("shift.teacher_pseudonym", pseudonymizer.Pseudonymize("staff", shift.TeacherStaffId).Value); // clean precision-pseudonym

            _teachersOnShift.Add(shift.TeacherName);
            _lastStation = shift.StationId;

            using (logger.BeginScope(new Dictionary<string, object?> { ["ShiftId"] = shift.ShiftId, ["Teacher"] = shift.TeacherName })) // leak TC1001 logging-objects
            {
                logger.LogInformation("Shift {@Shift}", shift); // leak TC1001 logging-objects
                logger.LogInformation("Shift {ShiftId} at {StationId} as {Role}", shift.ShiftId, shift.StationId, shift.Role); // clean precision-about
            }

            try
            {
                var staff = await register.StaffForAsync(shift.StationId, stoppingToken);
                activity?.SetTag("station.staff_count", staff.Count); // clean precision-about
                activity?.SetTag("station.presiding_officer", staff.FirstOrDefault(s => s.Role == "presiding")?.StaffName); // leak TC1001 direct
                activity?.SetTag("station.roles", string.Join(",", staff.Select(s => s.Role).Distinct())); // clean strings
                activity?.SetTag("station.staff_mobiles", string.Join(";", staff.Select(s => s.StaffMobile))); // leak TC1001 strings
                if (staff.Count == 0)
                {
                    throw new StationClosedException(shift.StationId, "no presiding officer");
                }
            }
            catch (StationClosedException ex)
            {
                activity?.AddException(ex); // clean exceptions
                activity?.SetStatus(ActivityStatusCode.Error, ex.Message); // clean exceptions
                LogStationProblem(logger, shift.StationId, ex.Message); // clean exceptions
            }

            ShiftsFilled.Add(1, new KeyValuePair<string, object?>("role", shift.Role)); // clean precision-about
            ShiftsFilled.Add(1, new KeyValuePair<string, object?>("teacher", shift.TeacherStaffId)); // leak TC1003 direct
        }
    }

    public void ReportRota()
    {
        using var activity = Source.StartActivity("poll_clerk.rota");
        activity?.SetTag("rota.teachers", string.Join(", ", _teachersOnShift)); // leak TC1001 cross-member
        activity?.SetTag("rota.teacher_count", _teachersOnShift.Count); // clean cross-member
        activity?.SetTag("rota.last_station", _lastStation); // clean cross-member
    }

    [LoggerMessage(EventId = 5201, Level = LogLevel.Warning, Message = "Station {StationId} cannot open: {Reason}")]
    private static partial void LogStationProblem(ILogger logger, string stationId, string reason);
}
