namespace PrivacyHoldout129.Education;

public sealed record BleepTestResult(string StudentNumber, string FullName, string ClassCode, int Level, int Shuttle, int? HeartRateAtStop);

public sealed record ClassFitnessSummary(string ClassCode, int Tested, double AverageLevel, int BestLevel);

public interface IPeMarkbook
{
    Task SaveAsync(IReadOnlyList<BleepTestResult> results, CancellationToken cancellationToken);
}

/// <summary>A secondary school's PE department records the termly bleep test from the teacher's tablet.</summary>
public sealed partial class PeFitnessTestRecorder(IPeMarkbook markbook, Pseudonymizer pseudonymizer, ILogger<PeFitnessTestRecorder> logger)
{
    private static readonly ActivitySource Source = new("School.PeFitness");
    private static readonly Meter Meter = new("School.PeFitness");
    private static readonly Histogram<int> Levels = Meter.CreateHistogram<int>("pe.bleep.level");

    [LoggerMessage(Level = LogLevel.Information, Message = "Bleep test level {Level} recorded for {Student}")]
    private static partial void LogLevelRecorded(ILogger logger, int level, string student);

    [LoggerMessage(Level = LogLevel.Information, Message = "Bleep test level {Level} recorded for {Student} (redacted)")]
    private static partial void LogLevelRecordedRedacted(ILogger logger, int level, [PrivateData] string student);

    public async Task<ClassFitnessSummary> RecordAsync(string classCode, string teacherCode, IReadOnlyList<BleepTestResult> results, CancellationToken cancellationToken)
    {
        using var span = Source.StartCampussportSync(campussportSource: "pe-tablet");
        span.SetCampussportChallenge("bleep-test").SetCampussportSampleCount(results.Count); // clean precision-about
        span.SetCampussportCoachId(pseudonymizer.PseudonymizeCampussportCoachId(teacherCode)); // clean precision-pseudonym
        span.Activity?.SetTag("pe.class", classCode); // clean precision-names
        span.Activity?.SetTag("pe.teacher", teacherCode); // leak TC1001 direct

        await markbook.SaveAsync(results, cancellationToken);

        foreach (var result in results)
        {
            LogLevelRecordedRedacted(logger, result.Level, result.FullName); // clean logging-objects
            Levels.Record(result.Level, new KeyValuePair<string, object?>("class", result.ClassCode)); // clean precision-names
            if (result.HeartRateAtStop is > 210)
            {
                LogLevelRecorded(logger, result.Level, result.StudentNumber); // leak TC1001 logging-objects
                span.Activity?.AddEvent(new ActivityEvent("pe.heart_rate.check", tags: new ActivityTagsCollection { ["student"] = pseudonymizer.ComputeCampussportStudentId(result.StudentNumber), ["bpm"] = result.HeartRateAtStop })); // clean precision-pseudonym
            }
        }

        var best = results.MaxBy(r => r.Level);
        var summary = new ClassFitnessSummary(classCode, results.Count, results.Average(r => r.Level), best?.Level ?? 0);
        logger.LogInformation("Class summary {Summary}", summary); // clean logging-objects
        logger.LogInformation("Best in {Class}: {Best}", classCode, best); // leak TC1001 logging-objects
        span.SetCampussportNote($"best level {summary.BestLevel} in {classCode}"); // clean generated-api
        span.SetCampussportNote($"best: {best?.FullName} level {best?.Level}"); // leak TC1001 generated-api
        span.Activity?.SetTag("pe.student_hashes", string.Join(",", results.Select(r => r.StudentNumber.GetHashCode().ToString("x8", CultureInfo.InvariantCulture)))); // leak TC1002 hashes
        return summary;
    }
}
