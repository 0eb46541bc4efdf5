namespace PrivacyHoldout139.Energy;

public sealed record CollegeDayMark(string LearnerNumber, string ApprenticeName, string LineManagerEmail, DateOnly Date, string Code, string? ReasonText);

/// <summary>
/// The apprentice academy's nightly job: reads the college's day-release register, works out each apprentice's
/// attendance for the term and tells line managers about unexplained absences.
/// </summary>
public sealed partial class ApprenticeAcademyAttendanceWorker(
    IQueueReceiver<IReadOnlyList<CollegeDayMark>> registers,
    Pseudonymizer pseudonymizer,
    SchoolPlatformOptions options,
    ILogger<ApprenticeAcademyAttendanceWorker> logger) : BackgroundService
{
    private static readonly ActivitySource Source = new("Grid.Academy");
    private static readonly Meter Meter = new("Grid.Academy");
    private static readonly Counter<long> Absences = Meter.CreateCounter<long>("academy.absences");

    private readonly Dictionary<string, (int Present, int Possible)> _term = new();
    private string? _lastUnexplainedManager;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (await registers.ReceiveAsync(stoppingToken) is { } marks)
        {
            using var span = Source.StartStemvisitsOperation("academy-nottingham")
                .SetStemvisitsGroupSize(marks.Count); // clean precision-about
            foreach (var mark in marks)
            {
                var (present, possible) = _term.GetValueOrDefault(mark.LearnerNumber);
                _term[mark.LearnerNumber] = (present + (mark.Code is "/" or "L" ? 1 : 0), possible + 1);
                if (mark.Code is "/" or "L")
                {
                    continue;
                }
                Absences.Add(1, new KeyValuePair<string, object?>("code", mark.Code), new KeyValuePair<string, object?>("explained", mark.ReasonText is not null)); // clean precision-about
                if (mark.ReasonText is null)
                {
                    _lastUnexplainedManager = mark.LineManagerEmail;
                    LogUnexplained(logger, mark.LearnerNumber, mark.Date); // leak TC1001 logging-objects
                    LogUnexplainedRedacted(logger, mark.LearnerNumber, mark.Date); // clean logging-objects
                }
                else
                {
                    span.Activity?.AddEvent(new ActivityEvent("academy.absence", tags: new ActivityTagsCollection { ["learner"] = pseudonymizer.ComputeStemvisitsLearnerId(mark.LearnerNumber), ["reason.length"] = mark.ReasonText.Length })); // clean precision-pseudonym
                    span.Activity?.AddEvent(new ActivityEvent("academy.absence.reason", tags: new ActivityTagsCollection { ["reason"] = mark.ReasonText })); // leak TC1001 direct
                }
            }

            var below = _term.Where(t => (double)t.Value.Present / t.Value.Possible < options.PersistentAbsenceThreshold).ToList();
            span.Activity?.SetTag("academy.below_threshold", below.Count); // clean precision-about
            logger.LogWarning("Below {Threshold:P0}: {Learners}", options.PersistentAbsenceThreshold, below.Select(b => b.Key).ToList()); // leak TC1001 logging-objects
            logger.LogInformation("Lowest attendance this term {Rate:P1}", _term.Values.Select(v => (double)v.Present / v.Possible).DefaultIfEmpty(1).Min()); // clean precision-about
            if (_lastUnexplainedManager is not null)
            {
                span.Activity?.SetTag("academy.notify", _lastUnexplainedManager); // leak TC1001 cross-member
            }
        }
    }

    [LoggerMessage(EventId = 7301, Level = LogLevel.Warning, Message = "Unexplained college absence for {LearnerNumber} on {Date}")]
    private static partial void LogUnexplained(ILogger logger, string learnerNumber, DateOnly date);

    [LoggerMessage(EventId = 7302, Level = LogLevel.Warning, Message = "Unexplained college absence for {LearnerNumber} on {Date}")]
    private static partial void LogUnexplainedRedacted(ILogger logger, [PrivateData] string learnerNumber, DateOnly date);
}
