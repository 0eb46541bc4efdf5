using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.Logging;

namespace PrivacyHoldout19.Education;

/// <summary>Which students are in which live lesson, by connection.</summary>
public sealed class LessonPresence
{
    private readonly ConcurrentDictionary<string, ConcurrentDictionary<string, string>> _lessons = new();
    private readonly ILogger<LessonPresence> _logger;

    public LessonPresence(ILogger<LessonPresence> logger)
    {
        _logger = logger;
        ClassroomTelemetry.Meter.CreateObservableGauge("classroom.lesson.attendees", () =>
            _lessons.Select(l => new Measurement<int>(l.Value.Count, new KeyValuePair<string, object?>("lesson.id", l.Key)))); // clean precision-names
        ClassroomTelemetry.Meter.CreateObservableGauge("classroom.student.connections", () =>
            _lessons.Values.SelectMany(l => l.Values).GroupBy(s => s).Select(g => new Measurement<int>(g.Count(), new KeyValuePair<string, object?>("student", g.Key)))); // leak TC1003 cross-member
    }

    public int Enter(string lessonId, string connectionId, string studentNumber)
    {
        var lesson = _lessons.GetOrAdd(lessonId, _ => new ConcurrentDictionary<string, string>());
        lesson[connectionId] = studentNumber;
        return lesson.Count;
    }

    public void Leave(string connectionId)
    {
        foreach (var lesson in _lessons.Values)
        {
            lesson.TryRemove(connectionId, out _);
        }
    }

    public void LogRegister(string lessonId)
    {
        if (!_lessons.TryGetValue(lessonId, out var lesson))
        {
            return;
        }

        _logger.LogInformation("Lesson {LessonId}: {Present} connections, {Students} distinct students", lessonId, lesson.Count, lesson.Values.Distinct().Count()); // clean precision-about
        _logger.LogDebug("Lesson {LessonId} register: {Register}", lessonId, string.Join(", ", lesson.Values.Order())); // leak TC1001 strings
    }
}
